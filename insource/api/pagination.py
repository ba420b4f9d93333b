"""Page-number pagination for every list: 50 a page by default, `page_size` 1 to 200.

The public API refuses a page size outside that range (400, `insource.api.parameters`) rather
than capping it; the documented shapes come from the same declarations."""

from rest_framework.pagination import PageNumberPagination

from insource.api.parameters import PAGE, PAGE_SIZE


class PagePagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = PAGE_SIZE.name
    max_page_size = PAGE_SIZE.maximum

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        shapes = {PAGE.name: PAGE, PAGE_SIZE.name: PAGE_SIZE}
        for parameter in parameters:
            if parameter["name"] in shapes:
                parameter["schema"] = shapes[parameter["name"]].schema()
                parameter["description"] = shapes[parameter["name"]].description
        return parameters
