/** The request named something the data does not have (a 404 for the API and pages). */
export class NotFoundError extends Error {
  readonly detailZh: string;

  constructor(detail: string, detailZh: string) {
    super(detail);
    this.name = "NotFoundError";
    this.detailZh = detailZh;
  }
}
