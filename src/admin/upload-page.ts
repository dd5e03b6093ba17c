/**
 * The upload page: check a file (dry run), see what would be written, then write it.
 * "确认写入" writes only the very file, sheet and kind that were checked: it is disabled
 * whenever any of them changes, and the server refuses a commit whose file is not the one
 * the dry run reported (its digest is sent back as "checked").
 */
import { showProblem } from "./client.ts";
import { aboutFile, changeCount, reportBody, type UploadReport } from "./upload-report.ts";

const form = document.querySelector<HTMLFormElement>("#upload-form");
const commit = document.querySelector<HTMLButtonElement>("#commit");
const progress = document.querySelector<HTMLProgressElement>("#progress");
const status = document.querySelector<HTMLElement>("#upload-status");
const report = document.querySelector<HTMLElement>("#report");
const kindSelect = document.getElementById("kind") as HTMLSelectElement | null;
const fileInput = document.querySelector<HTMLInputElement>("input[type=file]");
const sheetChoice = document.querySelector<HTMLElement>("#sheet-choice");
const sheetSelect = document.getElementById("sheet") as HTMLSelectElement | null;
const csrf = document.querySelector<HTMLElement>("[data-csrf]")?.dataset.csrf ?? "";

/** The digest of the file the last dry run checked (null: nothing checked). */
let checked: string | null = null;

function uncheck(): void {
  checked = null;
  if (commit) commit.disabled = true;
}

/** A workbook with several visible sheets: offer the others, the one read selected. */
function offerSheets(r: Pick<UploadReport, "sheet" | "sheets">): void {
  if (!sheetChoice || !sheetSelect || r.sheets.length < 2) return;
  sheetSelect.replaceChildren(
    ...r.sheets.map((name) => {
      const option = document.createElement("option");
      option.value = name;
      option.textContent = name;
      option.selected = name === r.sheet;
      return option;
    }),
  );
  sheetChoice.hidden = false;
}

fileInput?.addEventListener("change", () => {
  sheetSelect?.replaceChildren();
  if (sheetChoice) sheetChoice.hidden = true;
  report?.replaceChildren();
  uncheck();
});
kindSelect?.addEventListener("change", () => {
  report?.replaceChildren();
  uncheck();
});
sheetSelect?.addEventListener("change", uncheck);

// XMLHttpRequest rather than fetch: it reports upload progress for large files.
function upload(commitIt: boolean): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(
      "POST",
      `/api/admin/uploads/${kindSelect?.value ?? "income"}${commitIt ? "?commit=1" : ""}`,
    );
    xhr.setRequestHeader("X-CSRF-Token", csrf);
    if (progress) {
      progress.hidden = false;
      progress.value = 0;
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) progress.value = (e.loaded / e.total) * 100;
      };
    }
    const done = (result: { status: number; body: Record<string, unknown> }) => {
      if (progress) progress.hidden = true;
      resolve(result);
    };
    xhr.onload = () => {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { detail_zh: "服务器没有返回可读的结果。" };
      }
      done({ status: xhr.status, body });
    };
    xhr.onerror = () => done({ status: 0, body: { detail_zh: "网络错误，文件没有上传。" } });
    if (status) status.textContent = commitIt ? "正在写入……" : "正在上传并检查……";
    const data = new FormData(form as HTMLFormElement);
    if (commitIt && checked) data.set("checked", checked);
    xhr.send(data);
  });
}

function showRefusal(body: Record<string, unknown>): void {
  if (status)
    showProblem(status, { detail_zh: body.detail_zh as string, errors: body.errors as never });
  // A refused file still says which sheet was read: the wrong sheet may be the reason.
  const refused = body.report as UploadReport | undefined;
  if (refused && report) {
    report.replaceChildren(...aboutFile(refused));
    offerSheets(refused);
  }
}

function render(r: UploadReport, committed: boolean): void {
  if (!report) return;
  report.replaceChildren(...aboutFile(r), ...reportBody(r, committed));
  offerSheets(r);
}

form?.addEventListener("submit", async (event) => {
  event.preventDefault();
  uncheck();
  report?.replaceChildren();
  const { status: code, body } = await upload(false);
  if (code !== 200) return showRefusal(body);
  if (status) {
    status.className = "";
    status.textContent = "";
  }
  const r = body.report as UploadReport;
  render(r, false);
  if (changeCount(r) === 0) {
    if (status) status.textContent = "文件中的数据与已有数据完全相同，无需写入。";
    return;
  }
  checked = body.digest as string;
  if (commit) commit.disabled = false;
});

commit?.addEventListener("click", async () => {
  if (!checked) return;
  commit.disabled = true;
  const { status: code, body } = await upload(true);
  checked = null;
  if (code !== 200) return showRefusal(body);
  render(body.report as UploadReport, true);
  if (status)
    status.textContent = body.changed
      ? `已写入（上传编号 ${body.upload_id}）。`
      : "没有需要写入的变化。";
});
