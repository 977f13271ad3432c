// The check must refuse these. Were it to accept one, its @ts-expect-error would be unused, and
// an unused @ts-expect-error is itself an error: the check cannot pass by accepting anything.
import type { Dashboard } from '@grafana/schema';
import type { Options as StatOptions } from '@grafana/schema/dist/esm/raw/composable/stat/panelcfg/x/StatPanelCfg_types.gen';
import type { Checked, DeepPartial, SqlTarget } from './checked';

export const unknownField: Checked<Dashboard> = {
  schemaVersion: 41,
  // @ts-expect-error not a dashboard field
  colour: 'red',
};

export const wrongThresholdMode: Checked<Dashboard> = {
  schemaVersion: 41,
  panels: [{
    type: 'stat',
    fieldConfig: {
      defaults: {
        // @ts-expect-error thresholds are absolute or percentage
        thresholds: { mode: 'absolut', steps: [] },
      },
      overrides: [],
    },
  }],
};

export const wrongStatOption: DeepPartial<Checked<StatOptions>> = {
  // @ts-expect-error a stat's text mode is auto, value, value_and_name, name or none
  textMode: 'big',
};

export const wrongSqlFormat: SqlTarget = {
  refId: 'A',
  datasource: { type: 'mysql', uid: 'pulse-mysql' },
  rawSql: 'SELECT 1',
  // @ts-expect-error a SQL query's format is table or time_series
  format: 'timeseries',
  rawQuery: true,
  editorMode: 'code',
};
