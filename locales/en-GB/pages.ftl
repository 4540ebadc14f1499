# Other public pages: accessibility statement and privacy notice.
# Ids ending in -html hold trusted inline markup and are rendered unescaped.
# These pages also use the shared help-* messages in advice.ftl.

## Accessibility statement

a11y-title = Accessibility statement
a11y-intro = This statement is about { $service }, an online service from { $force }.
a11y-using-heading = Using this service
a11y-using-intro = We want as many people as possible to be able to use this service. For example, you should be able to:
a11y-using-colours = change colours, contrast levels and fonts using your browser or device settings
a11y-using-zoom = zoom in up to 400% without the text spilling off the screen
a11y-using-keyboard = move around the whole service using only a keyboard
a11y-using-speech = move around the service using speech recognition software
a11y-using-screen-reader = listen to the service using a screen reader
a11y-using-no-js = use the service with JavaScript turned off
a11y-using-plain = We have also tried to make the text as simple as we can.
a11y-exit-heading = Leaving this site quickly
a11y-exit-text = You can leave this site quickly using only a keyboard. Press Esc, or press the Shift key 3 times. You can also move to the Leave this site button with the Tab key and press Enter. For screen reader users, a link to leave this site is the first link on every page.
a11y-status-heading = How accessible this service is
a11y-status-aim = We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA.
a11y-status-testing = This service is new and we are still testing it. We check our pages with automated testing tools. If we find parts that do not meet the standard, we will list them on this page and say when we plan to fix them.
a11y-status-known = We do not know of any accessibility problems at the moment.
a11y-feedback-heading = Reporting accessibility problems
a11y-feedback-html = If you find a problem with using this service, or you think we are not meeting the accessibility standard, please <a class="govuk-link" href="/feedback?from=%2Faccessibility">tell us using our feedback form</a>. You can also find the feedback link in the banner at the top of every page.
a11y-feedback-reply = The feedback form does not ask who you are, so we cannot reply to it. If you need a reply, or you need information in a different format such as large print, easy read or audio, call 101.
a11y-enforcement-heading = If you are not happy with our reply
a11y-enforcement = The Equality and Human Rights Commission (EHRC) makes sure that public bodies follow the rules on accessible websites. If you are not happy with how we answer your complaint, contact the Equality Advisory and Support Service (EASS).
a11y-technical-heading = Technical information about this service's accessibility
a11y-technical = We want this service to be accessible, in line with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
a11y-prepared = This statement was prepared in November 2026.

## Privacy notice

privacy-title = Privacy notice
privacy-lead = This notice explains what information this service collects, why we collect it, how long we keep it and what your rights are.
privacy-who-heading = Who we are
privacy-who = { $force } runs this service. We decide how the information you give us is used, so in data protection law we are the controller of your information.
privacy-contact = To contact our Data Protection Officer, call 101 and ask for the data protection team.
privacy-collect-heading = What we collect
privacy-feedback-heading = If you give feedback
privacy-feedback-what = We keep your answers, the page you came from and the date you sent them. We do not ask for your name. Please do not write personal details in your answers: we remove any email addresses and phone numbers, store what you wrote encrypted, and delete your feedback after a set time.
privacy-place-heading = If you tell us about a place where you felt unsafe
privacy-place-anonymous = This form is anonymous. We do not ask for your name or contact details, and we do not store your IP address (the number that identifies your internet connection).
privacy-place-intro = We keep:
privacy-place-where = where the place is
privacy-place-why = why you felt unsafe there
privacy-place-when = when you were there, and how often you feel unsafe there
privacy-place-details = anything else you choose to write, after we remove any email addresses and phone numbers (stored encrypted, and deleted after a set time)
privacy-place-about = answers about you, such as your age group, only if you choose to give them (stored encrypted, and deleted after a set time)
privacy-place-use = We use these reports to find places that need to be made safer. Councils and other partners we work with only see totals for areas. They never see the exact place, what you wrote or your answers about you.
privacy-place-councils = Councils get a regular feed of totals so they can fix problems such as broken street lights. The feed only has:
privacy-place-councils-reasons = reasons about the place itself that a council can put right: lighting, CCTV, hidden corners or poor layout, a blocked view, and run-down buildings, graffiti or fly-tipping
privacy-place-councils-area = how many reports there were in an area of about 0.1 square kilometres (roughly 300 metres across) in a week, not the exact place or day
privacy-place-councils-counts = only areas with at least { $k } reports in that week, and each total rounded up or down to a multiple of { $k }, so that no total can be traced to one person's report
privacy-place-councils-never = Councils never get what you wrote, your answers about you, the exact place, the day or time, or reasons about how people behaved, such as being followed or harassed. Those stay with the police.
privacy-report-heading = If you report stalking or harassment
privacy-report-what = We keep what you choose to tell us. You do not have to give your name.
privacy-report-encrypted = What you write in your own words, and your contact details, are stored encrypted. This means they are scrambled, so nobody can read them without the right key.
privacy-report-access = Only police staff who need to see your report can see it. We record every time someone looks at it or changes it.
privacy-report-use = We use your report to look into what is happening, to keep you safe and to contact you in the way you chose. We only share it when the law allows, for example with the Crown Prosecution Service if a case goes to court.
privacy-report-draft = While you fill in the form, your answers are saved on our system. If you leave with the Leave this site button, or stop for an hour, answers you have not sent are deleted.
privacy-cookies-heading = Cookies
privacy-cookies-html = We use a small number of cookies. You can <a class="govuk-link" href="/cookies">read about our cookies and change your settings</a>.
privacy-cookies-counts = If you agree, we count how many times each page is visited each day. These counts do not show who you are.
privacy-keep-heading = How long we keep information
privacy-keep-periods = We keep each kind of information for a set time. After that, we delete it, or make it less precise so that it cannot be linked to anyone. For example, we might keep only the area of a place, not the exact spot.
privacy-keep-recorded = When we delete information, we keep a record that it was deleted.
privacy-rights-heading = Your rights
privacy-rights-law = The UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018 give you rights over your information. You can ask us:
privacy-rights-access = for a copy of the information we hold about you
privacy-rights-correct = to correct information that is wrong
privacy-rights-delete = to delete information, in some cases
privacy-rights-object = to stop or limit how we use it, in some cases
privacy-rights-limits = When we use information for policing, such as looking into a crime, the law can limit these rights. For example, we may not share something if it would harm an investigation.
privacy-rights-anonymous = Anonymous reports cannot be linked to you, so we cannot find them to show you.
privacy-rights-how = To use any of your rights, call 101 and ask for the data protection team.
privacy-complain = If you are unhappy with how we have used your information, you can complain to the Information Commissioner's Office (ICO). Call 0303 123 1113.
privacy-never-heading = What we never do
privacy-never-sell = We never sell your information.
privacy-never-trackers = We do not use advertising or tracking from other companies, and our pages do not load anything from other websites.
