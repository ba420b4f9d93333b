"""The alerts' writes (ADR 0037): news recorded from the lower apps' signals (`news`), the
double opt-in subscriptions (`subscriptions`) and the emails sent, each item once (`sending`)."""

from insource.alerts.services import news
from insource.alerts.services.news import news_record
from insource.alerts.services.sending import alerts_send, immediate_send
from insource.alerts.services.subscriptions import (
    SubscribeRefused,
    SubscriptionInvalid,
    subscription_confirm,
    subscription_create,
    subscription_stop,
    subscriptions_expire,
)

__all__ = [
    "news",
    "SubscribeRefused",
    "SubscriptionInvalid",
    "alerts_send",
    "immediate_send",
    "news_record",
    "subscription_confirm",
    "subscription_create",
    "subscription_stop",
    "subscriptions_expire",
]
