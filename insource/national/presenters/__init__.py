"""The national view in words, by area (import the module you need; nothing is re-exported
here): `view` (the service's page, its CSV and API rows; councils like us's decision words),
`open_data` (one row per KPI rating and per KPI assessment, for the CSVs and the API)."""
