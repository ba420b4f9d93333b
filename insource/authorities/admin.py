"""Site administration: people's memberships of authorities (who holds which role where).

Changes go through the audited services, so the admin leaves the same trail as any other write.
"""

from django.contrib import admin

from insource.authorities.models import Membership
from insource.authorities.services.memberships import membership_grant, membership_revoke
from insource.core.views import who_and_when


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "authority", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "authority__name", "authority__code")
    raw_id_fields = ("user", "authority")

    def has_change_permission(self, request, obj=None):
        return False  # a membership is granted or revoked, never edited in place

    def save_model(self, request, obj, form, change):
        by, at = who_and_when(request)
        granted = membership_grant(
            user=obj.user, authority=obj.authority, role=obj.role, by=by, at=at
        )
        obj.pk = granted.pk

    def delete_model(self, request, obj):
        by, at = who_and_when(request)
        membership_revoke(membership=obj, by=by, at=at)

    def delete_queryset(self, request, queryset):
        for membership in queryset:
            self.delete_model(request, membership)
