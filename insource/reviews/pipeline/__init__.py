"""The expiry pipeline page (`views`): contracts reaching their decision point with their
provisional screening and review columns. Its URL keeps the register's name and path
(`register:pipeline`, /register/pipeline/)."""
