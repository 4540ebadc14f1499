# Home page.

warning = Warning
home-title = Stalking, harassment and unsafe places
home-lead = Get advice about stalking and harassment, report it to us, or tell us about a public place where you have felt unsafe.
home-emergency-html = If you are in danger now, call { -tel-999 }. If you are deaf or find speaking difficult, use text relay on { -tel-18000 }.
home-report-stalking-link = Report stalking or harassment
home-report-stalking-text = Tell us what is happening to you or to someone you know. You do not have to give your name.
home-unsafe-place-link = Tell us about a place where you felt unsafe
home-unsafe-place-text = Show us a street, park or other public place where you felt unsafe and tell us why. This is anonymous.
home-advice-link = Advice about stalking and harassment
home-advice-text = What stalking and harassment are, what the law says, and where to get help.
home-safety-heading = Using this site safely
home-safety-text = If someone might check your phone or computer, press Esc or use the Leave this site button to leave quickly.
home-safety-link = Read how to cover your tracks online
home-after-link = What happens after you report
home-place-reports-link = What we do with place reports
home-support-link = Support for you
home-support-text = Organisations that can help, whether or not you tell the police.
