# The admins' page of alert deliveries (issue 14): emails and webhooks for urgent and
# high-priority reports that have not gone out yet.

staff-nav-alerts = Alerts
staff-home-alerts = emails and webhooks about urgent reports that have not been delivered yet
staff-alerts-title = Alerts not delivered
staff-alerts-intro = When an urgent or high-priority report arrives, the service emails the duty address and sends a signed message to force systems. These have not been delivered yet. Each is tried again later, waiting longer after each failure, until it goes through. Nothing about the reports is shown here.
staff-alerts-none = Every alert has been delivered.
staff-alerts-count = Alerts waiting: { $count }
staff-alerts-channel = Channel
staff-alerts-created = Raised
staff-alerts-attempts = Attempts
staff-alerts-last-error = Last problem
staff-alerts-next = Next try
staff-alerts-sending = Being sent now
staff-alerts-channel-email = Email
staff-alerts-channel-webhook = Webhook
staff-alerts-no-error = None yet
