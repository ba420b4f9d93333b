"""Pages of the in-house services: the officers' pages at /inhouse/ (`officers`) and the public
"Brought home" pages at /public/ (`public`)."""
