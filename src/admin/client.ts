/**
 * Back-office forms: a form with data-api is sent with fetch as JSON, with the page's
 * anti-forgery token, and the answer is shown in its [role=status] element. Field rules:
 * name[] collects checked boxes into an array; data-type="number" sends a number;
 * datetime-local inputs are China time (UTC+8) and are sent as such. data-then="credentials"
 * shows what the server returns once (a one-time password, an authenticator secret and the
 * QR code the server drew for it) and nothing else.
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

/** Labels of the one-time credentials an answer may carry, in the order shown. */
const CREDENTIALS: [key: string, label: string][] = [
  ["email", "登录邮箱"],
  ["one_time_password", "一次性密码（首次登录后须修改）"],
  ["totp_secret", "动态验证码密钥"],
  ["totp_uri", "密钥地址（otpauth）"],
];

function showCredentials(target: HTMLElement, message: string, body: Record<string, unknown>) {
  target.replaceChildren();
  target.className = "result ok credentials";
  const p = document.createElement("p");
  p.textContent = message;
  target.appendChild(p);
  const dl = document.createElement("dl");
  for (const [key, label] of CREDENTIALS) {
    const value = body[key];
    if (typeof value !== "string") continue;
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    const code = document.createElement("code");
    code.textContent = value;
    code.dataset.credential = key;
    dd.appendChild(code);
    dl.appendChild(dt);
    dl.appendChild(dd);
  }
  target.appendChild(dl);
  // The server drew the QR code (src/lib/qr.ts); as an image it cannot run anything.
  const svg = body.totp_qr_svg;
  if (typeof svg === "string" && svg.startsWith("<svg")) {
    const img = document.createElement("img");
    img.className = "totp-qr";
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    img.alt = "动态验证码二维码：用身份验证器应用扫描";
    img.width = 220;
    img.height = 220;
    target.appendChild(img);
  }
}

export async function send(url: string, method: string, json: unknown) {
  const response = await fetch(url, {
    method,
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken() },
    body: JSON.stringify(json),
    credentials: "same-origin",
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown> & {
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
    } else if (then === "credentials") {
      showCredentials(status, form.dataset.message ?? "已完成。", body);
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
