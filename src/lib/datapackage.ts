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

function resource(def: DatasetDef, origin: string): Record<string, unknown> {
  return {
    name: def.name,
    title: def.title,
    description: def.description,
    path: `${origin}/api/v1/datasets/${def.name}.csv`,
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
      foreignKeys: def.foreignKeys.map((fk) => ({
        fields: fk.fields,
        // A reference to the same table names no resource (Table Schema v2).
        reference:
          fk.resource === def.name
            ? { fields: fk.reference }
            : { resource: fk.resource, fields: fk.reference },
      })),
      // An empty cell is a missing value; nothing else is.
      missingValues: [""],
    },
  };
}

/** The Frictionless Data Package (v2) of every dataset. */
export function dataPackage(origin: string, updatedAt: string | null): Record<string, unknown> {
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
    resources: DATASETS.map((d) => resource(d, origin)),
  };
}

/** The DCAT-AP catalogue (JSON-LD) of every dataset, with CSV and JSON distributions. */
export function dcatCatalog(origin: string, updatedAt: string | null): Record<string, unknown> {
  const licence = { "@id": LICENCE.path };
  return {
    "@context": {
      dcat: "http://www.w3.org/ns/dcat#",
      dct: "http://purl.org/dc/terms/",
      foaf: "http://xmlns.com/foaf/0.1/",
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
    "dct:publisher": { "@type": "foaf:Agent", "foaf:name": PUBLISHER },
    "dct:license": licence,
    "dct:language": { "@id": "http://publications.europa.eu/resource/authority/language/ZHO" },
    "foaf:homepage": { "@id": `${origin}/data` },
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
      "dct:accrualPeriodicity": {
        "@id":
          d.versioning === "as-of"
            ? "http://publications.europa.eu/resource/authority/frequency/MONTHLY"
            : "http://publications.europa.eu/resource/authority/frequency/IRREG",
      },
      "dct:spatial": { "@id": "http://publications.europa.eu/resource/authority/country/CHN" },
      "dcat:landingPage": { "@id": `${origin}/data#${d.name}` },
      "dcat:distribution": (["csv", "json"] as const).map((format) => ({
        "@type": "dcat:Distribution",
        "dcat:accessURL": { "@id": `${origin}/api/v1/datasets/${d.name}.${format}` },
        "dcat:downloadURL": { "@id": `${origin}/api/v1/datasets/${d.name}.${format}` },
        "dcat:mediaType": {
          "@id": `https://www.iana.org/assignments/media-types/${format === "csv" ? "text/csv" : "application/json"}`,
        },
        "dct:format": format.toUpperCase(),
        "dct:license": licence,
      })),
    })),
  };
}
