/** A file that cannot be read as a table at all (as opposed to rows with bad values). */
export class UploadFileError extends Error {
  readonly detailZh: string;
  readonly status: 400 | 413;

  constructor(detail: string, detailZh: string, status: 400 | 413 = 400) {
    super(detail);
    this.name = "UploadFileError";
    this.detailZh = detailZh;
    this.status = status;
  }
}
