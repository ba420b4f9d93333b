from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    """Reviews of contracts under the policy; for now, the provisional screening of the register."""

    name = "insource.reviews"
    label = "reviews"
    verbose_name = "Reviews"

    def ready(self):
        from insource.reviews import receivers
        from insource.reviews.panels import register_panels

        register_panels()
        receivers.connect()
