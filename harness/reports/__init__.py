"""Reports of graded units: JSON, Markdown, the summary table, gradebooks."""
