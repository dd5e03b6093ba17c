/** A request the rules refuse (a state it cannot move from, a date too soon), said in Chinese. */
export class RefusedError extends Error {
  readonly status: 400 | 403 | 404 | 409;
  readonly detailZh: string;

  constructor(status: 400 | 403 | 404 | 409, detail: string, detailZh: string) {
    super(detail);
    this.name = "RefusedError";
    this.status = status;
    this.detailZh = detailZh;
  }
}
