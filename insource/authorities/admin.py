"""Site administration: people's memberships of authorities (who holds which role where).

Changes go through the audited services, so the admin leaves the same trail as any other write.
"""

from django.contrib import admin
from django.utils import timezone

from insource.authorities.models import Membership
from insource.authorities.services import membership_grant, membership_revoke
from insource.core.audit import Actor


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "authority", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "authority__name", "authority__code")
    raw_id_fields = ("user", "authority")

    def has_change_permission(self, request, obj=None):
        return False  # a membership is granted or revoked, never edited in place

    def save_model(self, request, obj, form, change):
        granted = membership_grant(
            user=obj.user,
            authority=obj.authority,
            role=obj.role,
            by=Actor.for_user(request.user),
            at=timezone.now(),
        )
        obj.pk = granted.pk

    def delete_model(self, request, obj):
        membership_revoke(membership=obj, by=Actor.for_user(request.user), at=timezone.now())

    def delete_queryset(self, request, queryset):
        for membership in queryset:
            self.delete_model(request, membership)
