/**
 * Back-office forms: a form with data-api is sent with fetch as JSON, with the page's
 * anti-forgery token, and the answer is shown in its [role=status] element. Field rules:
 * name[] collects checked boxes into an array; data-type="number" sends a number;
 * datetime-local inputs are China time (UTC+8) and are sent as such.
 */

function csrfToken(): string {
  return document.querySelector<HTMLElement>("[data-csrf]")?.dataset.csrf ?? "";
}

function formJson(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const element of Array.from(form.elements)) {
    const input = element as HTMLInputElement;
    if (!input.name || input.disabled || input.type === "submit") continue;
    if (input.name.endsWith("[]")) {
      const key = input.name.slice(0, -2);
      const list = (out[key] as string[] | undefined) ?? [];
      if (input.checked) list.push(input.value);
      out[key] = list;
    } else if (input.type === "checkbox") out[input.name] = input.checked;
    else if (input.dataset.type === "number") out[input.name] = Number(input.value);
    else if (input.type === "datetime-local")
      out[input.name] = input.value ? `${input.value}:00+08:00` : null;
    else if (input.dataset.type === "nullable") out[input.name] = input.value || null;
    else out[input.name] = input.value;
  }
  return out;
}

export function showProblem(
  target: HTMLElement,
  body: { detail_zh?: string; errors?: { parameter: string; message: string }[] },
) {
  target.replaceChildren();
  target.className = "result error";
  const p = document.createElement("p");
  p.textContent = body.detail_zh ?? "操作失败。";
  target.appendChild(p);
  if (body.errors?.length) {
    const ul = document.createElement("ul");
    for (const e of body.errors.slice(0, 200)) {
      const li = document.createElement("li");
      li.textContent = e.message;
      ul.appendChild(li);
    }
    target.appendChild(ul);
  }
}

export async function send(url: string, method: string, json: unknown) {
  const response = await fetch(url, {
    method,
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken() },
    body: JSON.stringify(json),
    credentials: "same-origin",
  });
  const body = (await response.json().catch(() => ({}))) as {
    id?: number;
    detail_zh?: string;
    errors?: { parameter: string; message: string }[];
  };
  return { ok: response.ok, status: response.status, body };
}

document.addEventListener("submit", async (event) => {
  const form = event.target as HTMLFormElement;
  const api = form.dataset.api;
  if (!api) return;
  event.preventDefault();
  const status =
    form.querySelector<HTMLElement>("[role=status]") ??
    form.appendChild(Object.assign(document.createElement("div"), { role: "status" }));
  status.setAttribute("role", "status");
  const confirmText = form.dataset.confirm;
  if (confirmText && !window.confirm(confirmText)) return;
  const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
  if (button) button.disabled = true;
  try {
    const { ok, body } = await send(api, form.dataset.method ?? "POST", formJson(form));
    if (!ok) {
      showProblem(status, body);
      return;
    }
    const then = form.dataset.then ?? "reload";
    if (then.startsWith("redirect:")) {
      window.location.assign(then.slice(9).replace("{id}", String(body.id ?? "")));
    } else if (then === "show") {
      status.className = "result ok";
      status.textContent = form.dataset.message ?? "已完成。";
      const pre = document.createElement("pre");
      pre.textContent = JSON.stringify(body, null, 2);
      status.appendChild(pre);
    } else window.location.reload();
  } finally {
    if (button) button.disabled = false;
  }
});
