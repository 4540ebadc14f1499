# Home page.

warning = Warning
home-title = Stalking, harassment and unsafe places
home-lead = Get advice about stalking and harassment, report it to us, or tell us about a public place where you have felt unsafe.
home-emergency = If you are in danger now, call 999. If you are deaf or speech-impaired, use textphone 18000.
home-report-stalking-link = Report stalking or harassment
home-report-stalking-text = Tell us what is happening to you or to someone you know. You do not have to give your name.
home-unsafe-place-link = Tell us about a place where you felt unsafe
home-unsafe-place-text = Show us a street, park or other public place where you felt unsafe and tell us why. This is anonymous.
home-advice-link = Advice about stalking and harassment
home-advice-text = What stalking and harassment are, what the law says, and where to get help.
home-safety-heading = Using this site safely
home-safety-text = If someone might check your phone or computer, press Esc or use the Leave this site button to leave quickly.
home-safety-link = Read how to cover your tracks online
