/** Cells the slicer tests share: Gender and Year slicers, a view of gold.sales filtered by both, a card and a chart reading it. */
export const SLICERS_AND_FILTERED_VIEW = `\`\`\`input id=input-gender
name: gender
label: Gender
control: select
options: [F, M]
\`\`\`

\`\`\`input id=input-year
name: year
label: Year
control: select
numeric: true
options: [2016, 2017]
\`\`\`

\`\`\`sql id=filtered
CREATE OR REPLACE VIEW gold.filtered AS
SELECT * FROM gold.sales WHERE ($gender IS NULL OR gender = $gender) AND ($year IS NULL OR year = $year)
\`\`\`
`;

export const REVENUE_CARD = `\`\`\`kpi id=kpi-revenue
label: Total revenue
sql: SELECT sum(revenue) FROM gold.filtered
format: currency
compare: year
\`\`\`
`;

export const REVENUE_BY_YEAR_CHART = `\`\`\`chart id=chart-by-year
title: Revenue by year
data: SELECT year, sum(revenue) AS revenue FROM gold.filtered GROUP BY year ORDER BY year
mark: bar
x: year
y: revenue
\`\`\`
`;
