"""Options appraisal: in-house against outsourced against a shared service, with uncertainty."""
