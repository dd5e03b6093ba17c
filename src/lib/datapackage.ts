/**
 * Machine-readable descriptions of the open datasets, built from src/lib/datasets.ts:
 * a Frictionless Data Package (v2) with a table schema per resource, and a DCAT-AP
 * catalogue in JSON-LD for data portals. `origin` makes every URL absolute.
 */
import { DATASETS, LICENCE, type DatasetDef, type FieldDef } from "./datasets.ts";

const PUBLISHER = "村务公开台账 Village Ledger";

function tableField(f: FieldDef): Record<string, unknown> {
  return {
    name: f.name,
    type: f.type,
    title: f.title,
    description: f.unit ? `${f.description}（单位：${f.unit}）` : f.description,
    ...(f.type === "yearmonth" ? { format: "default" } : {}),
    ...(f.constraints ? { constraints: f.constraints } : {}),
  };
}

/** A dataset as a resource at `path`; `file` adds what a bulk file's resource says of it. */
function resource(
  def: DatasetDef,
  path: string,
  file?: { bytes: number; rows: number },
): Record<string, unknown> {
  return {
    name: def.name,
    title: def.title,
    description: def.description,
    path,
    ...(file
      ? // compression: frictionless-py's name for it (the v2 standard infers it from .gz).
        { compression: "gz", bytes: file.bytes, rows: file.rows }
      : {}),
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    dialect: {
      $schema: "https://datapackage.org/profiles/2.0/tabledialect.json",
      header: true,
      delimiter: ",",
      lineTerminator: "\r\n",
      quoteChar: '"',
    },
    licenses: [LICENCE],
    schema: {
      $schema: "https://datapackage.org/profiles/2.0/tableschema.json",
      fields: def.fields.map(tableField),
      primaryKey: [...def.primaryKey],
      // The v2 profile wants at least one foreign key where the list is given at all.
      ...(def.foreignKeys.length > 0
        ? {
            foreignKeys: def.foreignKeys.map((fk) => ({
              fields: fk.fields,
              // A reference to the same table names no resource (Table Schema v2).
              reference:
                fk.resource === def.name
                  ? { fields: fk.reference }
                  : { resource: fk.resource, fields: fk.reference },
            })),
          }
        : {}),
      // An empty cell is a missing value; nothing else is.
      missingValues: [""],
    },
  };
}

/** The Frictionless Data Package (v2) of every dataset. */
export function dataPackage(origin: string, updatedAt: string | null): Record<string, unknown> {
  return {
    ...packageHead(origin, updatedAt),
    resources: DATASETS.map((d) => resource(d, `${origin}/api/v1/datasets/${d.name}.csv`)),
  };
}

/**
 * The data package of one release's bulk files, stored beside them in R2
 * (/data/bulk/{release}/datapackage.json): paths relative to it, and each file's size in
 * bytes (gzipped) and data rows. `files` holds the datasets written, by name.
 */
export function bulkDataPackage(
  release: string,
  asOf: string,
  files: ReadonlyMap<string, { bytes: number; rows: number }>,
): Record<string, unknown> {
  // Built by the Workflow, which has no request to take an origin from: every address in
  // it is relative to the package's own.
  const head = packageHead("", asOf);
  return {
    ...head,
    homepage: undefined,
    name: `village-ledger-${release}`,
    title: `${head.title as string}（${release} 月度发布版）`,
    description: `${release} 月度发布冻结时（${asOf}）的全部开放数据，每个数据集一个 gzip 压缩的 CSV 文件（UTF-8，带 BOM）。`,
    version: release,
    resources: DATASETS.filter((d) => files.has(d.name)).map((d) =>
      resource(d, `${d.name}.csv.gz`, files.get(d.name)),
    ),
  };
}

function packageHead(origin: string, updatedAt: string | null): Record<string, unknown> {
  return {
    $schema: "https://datapackage.org/profiles/2.0/datapackage.json",
    name: "village-ledger",
    title: "村务公开台账：村级集体经济、项目、问题清单和任期目标",
    description:
      "乡村振兴公开统计的全部开放数据。金额为整数元；统计期为月份 YYYY-MM，月度数为当年累计数。加 ?release=YYYY-MM 可取某次月度发布时冻结的数据。",
    homepage: `${origin}/data`,
    version: updatedAt ?? undefined,
    created: updatedAt ?? undefined,
    licenses: [LICENCE],
    contributors: [{ title: PUBLISHER, roles: ["publisher"] }],
  };
}

/** The EU Publications Office's controlled vocabularies (named authority lists). */
const EU_AUTHORITY = "http://publications.europa.eu/resource/authority";

/**
 * A concept of an EU authority list, typed as DCAT-AP wants it (`range`: the class the
 * property expects) and placed in its list, with the list's English label: a validator then
 * needs no copy of the vocabulary.
 */
function euConcept(scheme: string, code: string, range: string, label: string) {
  return {
    "@id": `${EU_AUTHORITY}/${scheme}/${code}`,
    "@type": [range, "skos:Concept"],
    "skos:inScheme": { "@id": `${EU_AUTHORITY}/${scheme}` },
    "skos:prefLabel": { "@value": label, "@language": "en" },
  };
}

/** The distributions of every dataset: the API's downloads, by file type. */
const FORMATS = {
  csv: { fileType: "CSV", mediaType: "text/csv" },
  json: { fileType: "JSON", mediaType: "application/json" },
  xlsx: {
    fileType: "XLSX",
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
} as const;

/**
 * The DCAT-AP catalogue (JSON-LD) of every dataset, with CSV, JSON and XLSX distributions
 * (an XLSX cut is limited in size: the API refuses a larger one and points to the CSV). It
 * meets the DCAT-AP 3.0.1 SHACL shapes, ranges and controlled vocabularies included
 * (tests/unit/lib/datapackage.test.ts): every node it points at carries its class, and the
 * @context is inline, so the catalogue reads as RDF with nothing fetched.
 */
export function dcatCatalog(origin: string, updatedAt: string | null): Record<string, unknown> {
  const licence = { "@id": LICENCE.path, "@type": "dct:LicenseDocument" };
  // One agent, the publisher of the catalogue and of every dataset in it.
  const publisher = { "@id": "_:publisher" };
  return {
    "@context": {
      dcat: "http://www.w3.org/ns/dcat#",
      dct: "http://purl.org/dc/terms/",
      foaf: "http://xmlns.com/foaf/0.1/",
      skos: "http://www.w3.org/2004/02/skos/core#",
      xsd: "http://www.w3.org/2001/XMLSchema#",
    },
    "@id": `${origin}/data/catalog.jsonld`,
    "@type": "dcat:Catalog",
    "dct:title": [
      { "@value": "村务公开台账开放数据", "@language": "zh" },
      { "@value": "Village Ledger open data", "@language": "en" },
    ],
    "dct:description": [
      { "@value": "乡村振兴公开统计的开放数据目录。", "@language": "zh" },
      {
        "@value": "The open data catalogue of public statistics on rural revitalisation.",
        "@language": "en",
      },
    ],
    "dct:publisher": { ...publisher, "@type": "foaf:Agent", "foaf:name": PUBLISHER },
    "dct:license": licence,
    "dct:language": euConcept("language", "ZHO", "dct:LinguisticSystem", "Chinese"),
    "foaf:homepage": { "@id": `${origin}/data`, "@type": "foaf:Document" },
    ...(updatedAt ? { "dct:modified": { "@value": updatedAt, "@type": "xsd:dateTime" } } : {}),
    "dcat:dataset": DATASETS.map((d) => ({
      "@id": `${origin}/data#${d.name}`,
      "@type": "dcat:Dataset",
      "dct:identifier": d.name,
      "dct:title": [
        { "@value": d.title, "@language": "zh" },
        { "@value": d.titleEn, "@language": "en" },
      ],
      "dct:description": [
        { "@value": d.description, "@language": "zh" },
        { "@value": d.descriptionEn, "@language": "en" },
      ],
      "dct:publisher": publisher,
      "dct:accrualPeriodicity":
        d.versioning === "as-of"
          ? euConcept("frequency", "MONTHLY", "dct:Frequency", "monthly")
          : euConcept("frequency", "IRREG", "dct:Frequency", "irregular"),
      "dct:spatial": euConcept("country", "CHN", "dct:Location", "China"),
      // The dataset's section of /data: the same address as the dataset's own identifier.
      "dcat:landingPage": { "@id": `${origin}/data#${d.name}`, "@type": "foaf:Document" },
      "dcat:distribution": (["csv", "json", "xlsx"] as const).map((format) => ({
        "@type": "dcat:Distribution",
        "dcat:accessURL": { "@id": `${origin}/api/v1/datasets/${d.name}.${format}` },
        "dcat:downloadURL": { "@id": `${origin}/api/v1/datasets/${d.name}.${format}` },
        "dcat:mediaType": {
          "@id": `https://www.iana.org/assignments/media-types/${FORMATS[format].mediaType}`,
          "@type": "dct:MediaType",
        },
        "dct:format": euConcept(
          "file-type",
          FORMATS[format].fileType,
          "dct:MediaTypeOrExtent",
          FORMATS[format].fileType,
        ),
        "dct:license": licence,
      })),
    })),
  };
}
