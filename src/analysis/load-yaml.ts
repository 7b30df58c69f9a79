/**
 * YAML as cells and fences write it (chart, KPI, input and test specs, bronze options, the
 * colour map), read to plain values with YAML 1.2's core schema: no dates, no yes/no
 * booleans, so `2017-01-01` and `no` stay text.
 *
 * js-yaml, not the `yaml` package the chart form uses: every spec is read before the page
 * is first drawn, and on the Customer 360 notebook's 35 specs js-yaml's first pass took
 * 6 ms against 37–43 ms (Node, bench/results.md). `yaml` stays where its document model
 * is needed: rewriting a chart spec in place with its comments kept, and writing dbt files.
 */
import { CORE_SCHEMA, load } from 'js-yaml';

/** The value `text` holds; throws (first line: what is wrong, and where) when it is not YAML. */
export function loadYaml(text: string): unknown {
  return load(text, { schema: CORE_SCHEMA });
}
