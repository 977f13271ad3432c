// Grafana's schema types use TypeScript string enums (ThresholdsMode, MappingType, ...), and a
// string from JSON is not assignable to an enum member. Checked<T> is T with every string enum
// replaced by the union of its values, so a dashboard's JSON is held to the same shapes and
// values; unknown properties are still errors (excess property checks).
export type Checked<T> =
  T extends string ? (string extends T ? string : `${T}`) :
  T extends number | boolean | null | undefined ? T :
  T extends ReadonlyArray<infer U> ? Array<Checked<U>> :
  T extends object ? { [K in keyof T]: Checked<T[K]> } :
  T;

// Panel options as dashboards store them: only what differs from the defaults.
export type DeepPartial<T> =
  T extends ReadonlyArray<infer U> ? Array<DeepPartial<U>> :
  T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } :
  T;

// @grafana/schema types a query only as DataQuery (refId, hide, datasource, ...); the fields of
// Grafana's SQL and InfluxQL query editors are not in it. These are the fields Pulse's dashboards
// use, as those editors store them.
import type { AnnotationQuery, DataQuery, Dashboard } from '@grafana/schema';

export interface SqlTarget extends DataQuery {
  datasource: { type: 'mysql'; uid: string };
  rawSql: string;
  format: 'table' | 'time_series';
  rawQuery: true;
  editorMode: 'code';
}

export interface InfluxQlTarget extends DataQuery {
  datasource: { type: 'influxdb'; uid: string };
  query: string;
  rawQuery: true;
  resultFormat: 'time_series' | 'table';
  alias?: string;
}

/** A dashboard whose annotation queries are SQL. */
export type PulseDashboard = Omit<Checked<Dashboard>, 'annotations'> & {
  annotations?: { list?: Array<Omit<Checked<AnnotationQuery>, 'target'> & { target?: SqlTarget }> };
};
