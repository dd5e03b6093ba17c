/** The request named something the data does not have (a 404 for the API and pages). */
export class NotFoundError extends Error {
  readonly detailZh: string;

  constructor(detail: string, detailZh: string) {
    super(detail);
    this.name = "NotFoundError";
    this.detailZh = detailZh;
  }
}

/** No region has the code: the one wording for every page and API answer. */
export function regionNotFound(code: string): NotFoundError {
  return new NotFoundError(`No region has the code ${code}.`, `没有代码为 ${code} 的地区。`);
}
