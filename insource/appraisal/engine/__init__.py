"""The appraisal engine: pure Python and NumPy. No Django, no clock, no database (a test
enforces it). A document (the JSON Schema in `appraisal.schema.json`) and the parameters in
force on its date go in; each option's net present cost, the difference and its distribution
come out.
"""

from insource.appraisal.engine.appraise import appraise, appraise_document
from insource.appraisal.engine.discounting import discount_factors
from insource.appraisal.engine.errors import AppraisalInputError, InputProblem

__all__ = [
    "AppraisalInputError",
    "InputProblem",
    "appraise",
    "appraise_document",
    "discount_factors",
]
