# Other public pages: accessibility statement, privacy notice, what happens after you report,
# and what we do with place reports.
# Ids ending in -html hold trusted inline markup and are rendered unescaped.
# Phone numbers and outside web addresses come from domain::contacts as terms:
# { -tel-KEY } (a tel: link), { -num-KEY } (plain), { -web-KEY } (a link). Never type a number here.

## Accessibility statement

a11y-title = Accessibility statement
a11y-intro = This statement is about { $service }, an online service from { $force }. It covers every public page of the service.
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
a11y-status-heading = Compliance status
a11y-status-aim = We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA.
a11y-status-partial = This service is partially compliant with WCAG 2.2 at level AA, because of the problems listed below.
a11y-known-heading = Problems we know about
a11y-known-map = The map for choosing a place needs JavaScript, and it is hard to use with a screen reader or without a mouse. You can search for the place by its name or postcode, or describe it in words, instead. Online maps are exempt from the accessibility regulations, but we want every part of the form to work without the map, and it does.
a11y-known-exit-keys = The Esc and Shift keys for leaving quickly only work with JavaScript. Without it, the Leave this site button still works.
a11y-known-timeout = For your safety, answers you have not sent are deleted after { $minutes } minutes without use. Without JavaScript, we cannot warn you before this happens or let you ask for more time. Each question page says how long we keep your answers.
a11y-known-audit = We have not yet had the service checked by an independent accessibility specialist, so there may be problems we have not found. We plan to have it audited before the service is used across the force.
a11y-testing-heading = How we tested this service
a11y-testing = We test every public page automatically in a real browser with axe-core, with and without JavaScript, on screens as narrow as 320 pixels. We also check pages by hand with a keyboard. These tests are run every time the service changes.
a11y-feedback-heading = Reporting accessibility problems
a11y-feedback-html = If you find a problem with using this service, or you think we are not meeting the accessibility standard, please <a class="govuk-link" href="/feedback?from=%2Faccessibility">tell us using our feedback form</a>. You can also find the feedback link in the banner at the top of every page.
a11y-feedback-reply-html = The feedback form does not ask who you are, so we cannot reply to it. If you need a reply, or you need information in a different format such as large print, easy read or audio, call { -tel-101 }, or { -tel-18001-101 } if you use a textphone or the Relay UK app.
a11y-enforcement-heading = Enforcement procedure
a11y-enforcement = The Equality and Human Rights Commission (EHRC) makes sure that public bodies follow the rules on accessible websites.
a11y-enforcement-eass-html = If you have told us about a problem and you are not happy with our reply, contact the Equality Advisory and Support Service (EASS): { -web-eass }.
a11y-technical-heading = Technical information about this service's accessibility
a11y-technical = { $force } is committed to making this service accessible, in line with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
a11y-prepared = This statement was prepared on 6 December 2026. It was last reviewed on 6 December 2026.

## Privacy notice

privacy-title = Privacy notice
privacy-lead = This notice explains what information this service collects, why we collect it, what the law lets us do with it, how long we keep it and what your rights are.
privacy-who-heading = Who we are
privacy-who = { $force } runs this service. The data controller, who decides how the information you give us is used, is { $controller }.
privacy-dpo-heading = Our Data Protection Officer
privacy-dpo-intro = You can contact our Data Protection Officer about anything in this notice, or to use your rights:
privacy-dpo-email-before = by email:
privacy-dpo-post = by post: { $address }
privacy-dpo-phone-html = by phone: call { -tel-101 } and ask for the data protection team
privacy-collect-heading = What we collect, why, and what the law lets us do
privacy-basis-label = The law that lets us use it:
privacy-feedback-heading = If you give feedback
privacy-feedback-what = We keep your answers, the page you came from and the date you sent them. We do not ask for your name. Please do not write personal details in your answers: we remove any email addresses and phone numbers and store what you wrote encrypted.
privacy-feedback-basis = UK GDPR Article 6(1)(e): we need it to do a task in the public interest, which is running and improving this public service.
privacy-place-heading = If you tell us about a place where you felt unsafe
privacy-place-anonymous = This form is anonymous. We do not ask for your name or contact details, and we do not store your IP address (the number that identifies your internet connection).
privacy-place-intro = We keep:
privacy-place-where = where the place is
privacy-place-why = why you felt unsafe there
privacy-place-when = when you were there, and how often you feel unsafe there
privacy-place-details = anything else you choose to write, after we remove any email addresses and phone numbers (stored encrypted)
privacy-place-about = answers about you, such as your age group, only if you choose to give them (stored encrypted)
privacy-place-basis = UK GDPR Article 6(1)(e): we need it to do a task in the public interest, which is keeping public places safe and preventing crime.
privacy-place-about-basis = For your ethnic group and whether you are disabled, which are special category information, also UK GDPR Article 9(2)(g) and paragraph 8 of Schedule 1 to the Data Protection Act 2018 (equality of opportunity or treatment). We use these answers only to check that we listen to everyone equally.
privacy-place-use = We use these reports to find places that need to be made safer. Councils and other partners we work with only see totals for areas. They never see the exact place, what you wrote or your answers about you.
privacy-place-more-html = Read more about <a class="govuk-link" href="/advice/place-reports">what we do with place reports</a>.
privacy-place-councils = Councils get a regular feed of totals so they can fix problems such as broken street lights. The feed only has:
privacy-place-councils-reasons = reasons about the place itself that a council can put right: lighting, CCTV, empty or isolated places, hidden corners or poor layout, a blocked view, and run-down buildings, graffiti or fly-tipping
privacy-place-councils-area = how many reports there were in an area of about 0.1 square kilometres (roughly 300 metres across) in a week starting on a Monday, not the exact place or day
privacy-place-councils-counts = only areas with at least { $k } reports in that week, and each total rounded up or down to a multiple of { $k }, so that no total can be traced to one person's report
privacy-place-councils-never = Councils never get what you wrote, your answers about you, the exact place, the day or time, or reasons about how people behaved, such as being followed or harassed. Those stay with the police.
privacy-report-heading = If you report stalking or harassment
privacy-report-what = We keep what you choose to tell us. You do not have to give your name.
privacy-report-encrypted = What you write in your own words, names and your contact details are stored encrypted. This means they are scrambled, so nobody can read them without the right key.
privacy-report-access = Only police staff who need to see your report can see it. We record every time someone looks at it or changes it.
privacy-report-use = We use your report to look into what is happening, to keep you and others safe and to contact you in the way you chose. We only share it when the law allows, for example with the Crown Prosecution Service if a case goes to court.
privacy-report-basis = Part 3 of the Data Protection Act 2018 (law enforcement processing): we use it to prevent, investigate and detect crime and to protect people. If you tell us about things such as your health or sex life, we use them only when it is strictly necessary for these purposes.
privacy-report-priority = A computer suggests how urgent your report is from your answers, so that reports about serious danger are read first. A person always reads your report and decides what to do. No decision about you is made by a computer alone.
privacy-report-draft = While you fill in the form, your answers are saved on our system, encrypted. If you leave with the Leave this site button, or stop for { $minutes } minutes, answers you have not sent are deleted.
privacy-cookies-heading = Cookies
privacy-cookies-html = We use a small number of cookies. You can <a class="govuk-link" href="/cookies">read about our cookies and change your settings</a>.
privacy-cookies-counts = If you agree, we count how many times each page is visited each day. These counts do not show who you are.
privacy-keep-heading = How long we keep information
privacy-keep-intro = This service deletes information at the end of these periods:
privacy-keep-draft = answers you have not sent: { $minutes } minutes after you last used the form
privacy-keep-report = stalking and harassment reports: { $days } days after we close the case
privacy-keep-point = the exact spot of a place report: { $days } days, after that we keep only the area it is in
privacy-keep-text = what you wrote about a place: { $days } days
privacy-keep-about = answers about you on a place report: { $days } days
privacy-keep-feedback = feedback: { $days } days
privacy-keep-counts = We keep the reasons, the week and the area of a place report for counting. On their own, they do not show who sent it.
privacy-keep-recorded = When we delete information, we keep a record that it was deleted. If your report becomes part of a police investigation, the force keeps that record under its own rules for police records.
privacy-rights-heading = Your rights
privacy-rights-law = The UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018 give you rights over your information. You have the right:
privacy-rights-informed = to be told how we use your information, which is what this notice does
privacy-rights-access = to ask for a copy of the information we hold about you
privacy-rights-correct = to ask us to correct information that is wrong or incomplete
privacy-rights-delete = to ask us to delete information, in some cases
privacy-rights-restrict = to ask us to limit how we use it, in some cases
privacy-rights-object = to object to how we use information about a place report or feedback
privacy-rights-limits = When we use information for policing, such as looking into a crime, the law can limit these rights. For example, we may not share something if it would harm an investigation or put someone at risk.
privacy-rights-anonymous = Anonymous reports and place reports cannot be linked to you, so we cannot find them to show you.
privacy-rights-how = To use any of your rights, contact our Data Protection Officer.
privacy-complain-html = If you are unhappy with how we have used your information, you can complain to the Information Commissioner's Office (ICO): { -web-ico }.
privacy-never-heading = What we never do
privacy-never-sell = We never sell your information.
privacy-never-trackers = We do not use advertising or tracking from other companies, and our pages do not load anything from other websites.

## What happens after you report

after-title = What happens after you report
after-lead = When you send us a report online, this is what happens next.
after-read-heading = We read your report
after-read = A police officer or member of staff reads every report. Reports that suggest someone is at risk of harm are read first.
after-emergency-html = We do not watch online reports all the time. If you are in danger now, call { -tel-999 }.
after-contact-heading = If you gave contact details
after-contact = We will only contact you in the way you chose and at the times you said were safe. We will not leave a message unless you said we could.
after-contact-reference = If we call you, we will give you your reference number, so you know it is us.
after-anonymous-heading = If you did not give your name
after-anonymous = We cannot tell you what happens next, but we still use what you told us. It can help us protect you and others, and spot someone who is doing this to more than one person.
after-next-heading = What we might do
after-next-intro = What we do depends on what is happening. We might:
after-next-advice = give you advice on staying safe
after-next-investigate = investigate, which can mean talking to witnesses, collecting evidence and speaking to the person doing it
after-next-orders-html = ask a court for an order to protect you (read about <a class="govuk-link" href="/advice/protective-orders">orders that can protect you</a>)
after-next-support = put you in touch with organisations that can support you
after-next-charge = pass the evidence to the Crown Prosecution Service, who decide whether the person should be charged
after-add-heading = If something else happens
after-add-html = To add something to your report, call { -tel-101 } and give your reference number. If it gets worse, or you feel in danger, call { -tel-999 }.
after-record-html = Keep writing down what happens and keep any evidence. Read <a class="govuk-link" href="/advice/what-you-can-do">what you can do</a>.
after-support-html = You do not have to wait for us to get support. Read about <a class="govuk-link" href="/advice/support">organisations that can help</a>.

## What we do with place reports

place-info-title = What we do with place reports
place-info-lead = When you tell us about a place where you felt unsafe, you help us and the council see which places need to change.
place-info-read-heading = How we use them
place-info-read = We put reports together on a map of small areas, to find places where many people feel unsafe. We look for real clusters, not just busy streets where more people pass by.
place-info-police = Local police teams use this to decide where to patrol and what to look out for.
place-info-council-heading = What councils get
place-info-council = Councils and other partners see how many people felt unsafe in each area, and why, so they can fix things such as broken street lights, overgrown hedges or fly-tipping. They only see totals for an area of about 300 metres across, for a week, and only when at least { $k } reports share them.
place-info-never = Nobody outside the police sees what you wrote, your answers about you, or the exact spot. Reasons about how people behaved, such as being followed, stay with the police.
place-info-no-reply-heading = We will not contact you
place-info-no-reply = Place reports are anonymous, so we cannot reply or tell you what changed. We do not investigate a single place report as a crime.
place-info-crime-html = If a crime happened to you, report it: call { -tel-101 }, or { -tel-999 } if you are in danger now. For stalking or harassment, you can also <a class="govuk-link" href="/report-stalking">report it online</a>.
place-info-privacy-html = Our <a class="govuk-link" href="/privacy">privacy notice</a> says exactly what we keep and for how long.
place-info-start = Tell us about a place
place-info-read-more = Read what we do with place reports



after-read-more = Read what happens after you report
