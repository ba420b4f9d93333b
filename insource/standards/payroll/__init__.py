"""Payroll returns and pay gaps (MS1, MS5): a supplier's return read into typed rows, all or
nothing (`returns`), the fair wage check (`fair_wage`), the six gender pay gap measures
(`gender_pay`), the supplier's own published figures (`published_gpg`), and the upload's
service, reads and pages (`services`, `selectors`, `views`)."""
