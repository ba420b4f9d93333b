"""Officer actions on the register's buyer names: confirming which authority a published buyer
name is (its contracts move to it). Mounted at /authorities/ under the `authorities` namespace."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from insource.authorities.access import OfficerPage, officer_page
from insource.authorities.selectors import authority_get, buyer_name_get
from insource.register.selectors.buyer_names import buyer_name_may_confirm
from insource.register.services.buyer_names import buyer_name_confirm


@officer_page(post_only=True)
def buyer_name_confirm_view(request, page: OfficerPage, pk: int):
    buyer_name = buyer_name_get(pk)
    if buyer_name is None:
        raise Http404("No such buyer name")
    authority = authority_get(request.POST.get("authority", ""))
    if authority is None:
        messages.error(request, _("Select the authority this buyer name belongs to"))
        return redirect("register:queue")
    if not buyer_name_may_confirm(request.user, buyer_name, authority):
        raise PermissionDenied
    moved = buyer_name_confirm(
        buyer_name=buyer_name, authority=authority, on=page.on, by=page.actor, at=page.at
    )
    messages.success(
        request,
        _("%(name)s is now %(authority)s: %(n)s contracts moved.")
        % {"name": buyer_name.name, "authority": authority.name, "n": moved},
    )
    return redirect("register:queue")
