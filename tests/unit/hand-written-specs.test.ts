/**
 * Chart, KPI and input cells are written by hand too: a setting they do not have, a column
 * or a parameter that is not there, is named rather than ignored.
 */
import { describe, expect, it } from 'vitest';
import { missingColumnProblems, parseChartSpec } from '../../src/charts/chart-spec.ts';
import { parseKpiSpec } from '../../src/dashboard/kpi-spec.ts';
import { parseInputSpec } from '../../src/dashboard/input-spec.ts';
import { analyzeNotebook } from '../../src/analysis/analyze-notebook.ts';
import { parseNotebook } from '../../src/notebook/format.ts';

describe('settings a cell does not have', () => {
  it('a KPI card names a misspelt key and the key it is near', () => {
    const spec = parseKpiSpec('lable: Revenue\nsql: SELECT 1');
    expect(spec.problems).toEqual([
      '"lable" is not a setting of a KPI card. Did you mean "label"? Its settings: label, sql, format, compare.',
    ]);
  });

  it('a chart names a key that is near none', () => {
    const spec = parseChartSpec('data: gold.t\nmark: bar\nx: a\ny: b\ncolour_by: gender');
    expect(spec.problems).toHaveLength(1);
    expect(spec.problems[0]).toMatch(/^"colour_by" is not a setting of a chart\. Its settings: title, data, mark, x, y, fill/);
  });

  it('a chart points a word from other tools to its own (color → fill)', () => {
    const spec = parseChartSpec('data: gold.t\nmark: bar\nx: a\ny: b\ncolor: gender');
    expect(spec.problems[0]).toMatch(/^"color" is not a setting of a chart\. Did you mean "fill"\?/);
  });

  it('a chart takes every setting it documents', () => {
    const source = [
      'title: T', 'data: gold.t', 'mark: bar', 'x: a', 'y: b', 'fill: g', 'stroke: g', 'size: n', 'facet: f', 'text: t',
      'sort: -y', 'format: {y: currency}', 'click: a', 'drill: {param: geo, levels: [a, b]}', 'height: 300',
    ].join('\n');
    expect(parseChartSpec(source).problems).toEqual([]);
  });

  it('an input says options are a list and a query goes in options_sql', () => {
    const spec = parseInputSpec('name: g\nlabel: G\noptions: SELECT DISTINCT g FROM gold.t');
    expect(spec.problems).toEqual(['options: write a list such as [F, M]; for options from a query, write options_sql: SELECT …']);
    expect(parseInputSpec('name: g\noption_sql: SELECT 1').problems[0]).toMatch(/"option_sql" is not a setting of an input\. Did you mean "options_sql"\?/);
  });

  it('an input takes every setting it documents', () => {
    const spec = parseInputSpec('name: y\nlabel: Year\ncontrol: select\noptions: [2016, 2017]\nnumeric: true\ndefault: 2017');
    expect(spec.problems).toEqual([]);
  });
});

describe('columns a chart names', () => {
  const spec = parseChartSpec('data: gold.t\nmark: dot\nx: income\ny: Spend\nfill: gender\nsize: 3\nclick: {param: c, field: country}');

  it('are named when the data does not have them (names are case-sensitive)', () => {
    expect(missingColumnProblems(spec, ['income', 'spend', 'gender'])).toEqual([
      'y: "Spend" is not a column of the chart\'s data; its columns are income, spend, gender.',
      'click: "country" is not a column of the chart\'s data; its columns are income, spend, gender.',
    ]);
  });

  it('are not when it has them; a colour or a size need not be a column', () => {
    expect(missingColumnProblems(spec, ['income', 'Spend', 'country'])).toEqual([]);
  });
});

describe('parameters across cells', () => {
  const analyze = (text: string) => analyzeNotebook(parseNotebook(text));

  it('a second input setting the same parameter is told so', () => {
    const found = analyze('```input id=a\nname: g\noptions: [F]\n```\n```input id=b\nname: g\noptions: [M]\n```');
    expect(found.get('a')!.problems).toEqual([]);
    expect(found.get('b')!.problems).toEqual(['$g is already set by an earlier cell (a); give this one another name.']);
  });

  it('a KPI comparing with a parameter no input sets is told so', () => {
    const found = analyze('```kpi id=k\nlabel: K\nsql: SELECT 1\ncompare: yeer\n```\n```input id=y\nname: year\noptions: [2016]\n```');
    expect(found.get('k')!.problems).toEqual(['compare: no input cell sets a parameter named "yeer" (the period to compare with).']);
  });

  it('an input whose default is not among its options is told so', () => {
    expect(parseInputSpec('name: g\noptions: [F, M]\ndefault: X').problems).toEqual(['default: X is not one of the options (F, M).']);
    expect(parseInputSpec('name: y\noptions: [2016, 2017]\ndefault: 2017').problems).toEqual([]);
    expect(parseInputSpec('name: c\ncontrol: multi-select\noptions: [a, b]\ndefault: [a, z]').problems).toEqual(['default: z is not one of the options (a, b).']);
  });
});
