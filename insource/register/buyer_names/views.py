"""Officer actions on the register's buyer names: confirming which authority a published buyer
name is (its contracts move to it). Mounted at /authorities/ under the `authorities` namespace."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from insource.authorities.selectors import authority_get, buyer_name_get
from insource.core.audit import who_and_when
from insource.register.selectors import buyer_name_may_confirm
from insource.register.services.buyer_names import buyer_name_confirm


@login_required
@require_POST
def buyer_name_confirm_view(request, pk: int):
    buyer_name = buyer_name_get(pk)
    if buyer_name is None:
        raise Http404("No such buyer name")
    authority = authority_get(request.POST.get("authority", ""))
    if authority is None:
        messages.error(request, _("Select the authority this buyer name belongs to"))
        return redirect("register:queue")
    if not buyer_name_may_confirm(request.user, buyer_name, authority):
        raise PermissionDenied
    by, at = who_and_when(request)
    moved = buyer_name_confirm(
        buyer_name=buyer_name,
        authority=authority,
        on=timezone.localdate(at),
        by=by,
        at=at,
    )
    messages.success(
        request,
        _("%(name)s is now %(authority)s: %(n)s contracts moved.")
        % {"name": buyer_name.name, "authority": authority.name, "n": moved},
    )
    return redirect("register:queue")
