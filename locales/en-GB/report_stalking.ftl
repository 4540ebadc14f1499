# The online stalking and harassment report. Questions use $who: "self" (reporting for
# yourself) or "other" (reporting for someone else).

rs-title = Report stalking or harassment
summary-change = Change

month-name = { $month ->
    [m1] January
    [m2] February
    [m3] March
    [m4] April
    [m5] May
    [m6] June
    [m7] July
    [m8] August
    [m9] September
    [m10] October
    [m11] November
   *[m12] December
}

## Start page

rs-start-emergency-html = If you or someone else is in danger now, call { -tel-999 }. Do not use this form.
rs-start-what = Use this form to tell us about someone who keeps contacting, following, watching or frightening you or someone you know. We will read your report and decide how we can help.
rs-start-anonymous = You can report without giving your name. If you do give it, we can contact you in a way that is safe for you.
rs-start-before-heading = Before you start
rs-start-time = It takes about 15 minutes.
rs-start-need = It helps to have:
rs-start-need-when = roughly when it started and how often it happens
rs-start-need-who = anything you know about the person doing it
rs-start-need-evidence = what evidence you have kept, such as messages or a diary
rs-start-need-contact = a safe way for us to reach you, if you want us to
rs-start-safety-heading = Staying safe while you fill this in
rs-start-safety-exit = If someone comes in, press Esc or the Leave this site button. The page disappears at once and your unsent answers are deleted.
rs-start-safety-saved = Your answers are kept on our system, not on your device, while you fill in the form. They are deleted if you stop for an hour.
rs-start-safety-link = How to hide that you visited this site
rs-start-button = Start now
rs-start-other-ways-heading = Other ways to report
rs-start-other-101-html = Call { -tel-101 }, the police non-emergency number.

## Emergency

rs-emergency-title = Call { -num-999 } now
rs-emergency-heading-html = Call { -tel-999 } now
rs-emergency-call-html = If you are in immediate danger, call { -tel-999 } and ask for the police.
rs-emergency-not-online = Do not report an emergency online. We do not watch online reports all the time, so we might not see it quickly enough.
rs-emergency-later = When you are safe, you can come back and tell us what has been happening.
rs-emergency-not-in-danger = I am not in immediate danger

## Questions (heading, optional hint, and the short label on the check page)

rs-danger = Are you or anyone else in immediate danger?
rs-danger-hint = For example, the person is with you now, outside your home, or has just threatened to hurt someone.
rs-danger-summary = In immediate danger

rs-who-for = Who are you reporting for?
rs-who-for-self = Myself
rs-who-for-other = Someone else
rs-who-for-summary = Reporting for

rs-their-name = What is the name of the person this is happening to? (optional)
rs-their-name-hint = You can leave this empty if you do not know it or would rather not say.
rs-their-name-summary = Their name

rs-your-relationship-to-them = How do you know them?
rs-your-relationship-to-them-summary = How you know them
rs-reporter-partner = I am their partner
rs-reporter-family = I am a family member
rs-reporter-friend = I am a friend
rs-reporter-colleague = We work or study together
rs-reporter-neighbour = I am a neighbour
rs-reporter-professional = I support them through my job, for example as a teacher, carer or support worker
rs-reporter-other = Another way

rs-do-they-know = Do they know you are telling us about this?
rs-do-they-know-summary = They know about this report

rs-safe-to-contact-them = Is it safe for us to contact them?
rs-safe-to-contact-them-hint = Think about whether the person doing this could see their phone, messages or emails, or could be with them.
rs-safe-to-contact-them-summary = Safe to contact them

rs-how-to-contact-them = How can we contact them safely?
rs-how-to-contact-them-summary = How to contact them
rs-contact-them-phone = By phone
rs-contact-them-email = By email
rs-contact-them-through-you = Through me

rs-their-phone = What phone number should we use for them?
rs-their-phone-hint = For UK numbers include the area code. For international numbers include the country code.
rs-their-phone-summary = Their phone number

rs-their-email = What email address should we use for them?
rs-their-email-hint = Only give an address that the person doing this cannot read.
rs-their-email-summary = Their email address

rs-what-is-happening = { $who ->
    [other] What is happening to them?
   *[self] What is happening to you?
}
rs-what-is-happening-hint = Select all that apply.
rs-what-is-happening-other-label = If you selected something else, tell us what (optional)
rs-what-is-happening-summary = What is happening
rs-behaviour-following = Following
rs-behaviour-watching = Watching or spying
rs-behaviour-turning-up = Turning up at home, work or school
rs-behaviour-contact = Unwanted calls, messages or letters
rs-behaviour-gifts = Unwanted gifts or items left
rs-behaviour-friends-family = Contacting friends, family or colleagues
rs-behaviour-tracking = Tracking with a device or app
rs-behaviour-online = Posting about them or their life online
rs-behaviour-threats = Threats
rs-behaviour-damage = Damaging property
rs-behaviour-sexual = Sexual comments or unwanted touching
rs-behaviour-other = Something else

rs-more-than-once = Has it happened more than once?
rs-more-than-once-hint = Stalking and harassment are usually a pattern of things that happen again and again.
rs-more-than-once-summary = More than once

rs-when-it-started = When did it start?
rs-when-it-started-hint = An approximate date is fine. For example, 14 3 2024 for 14 March 2024. If you do not remember the day, leave it empty and enter the month and year.
rs-when-it-started-summary = When it started

rs-how-often = How often does it happen now?
rs-how-often-summary = How often now
rs-often-daily = Every day
rs-often-weekly-several = A few times a week
rs-often-weekly = About once a week
rs-often-monthly = About once a month
rs-often-less = Less often than once a month
rs-often-stopped = It has stopped

rs-getting-worse = { $who ->
    [other] Is it getting worse for them?
   *[self] Is it getting worse?
}
rs-getting-worse-hint = For example, it happens more often, or the person is more angry or more threatening.
rs-getting-worse-summary = Getting worse

rs-who-is-doing-it = Who is doing it?
rs-who-is-doing-it-hint = { $who ->
    [other] Choose how the person is connected to them.
   *[self] Choose how the person is connected to you.
}
rs-who-is-doing-it-summary = Who is doing it
rs-rel-partner = A current partner
rs-rel-ex-partner = An ex-partner
rs-rel-family = A family member
rs-rel-known = Someone known, such as a friend or acquaintance
rs-rel-colleague = Someone from work or school
rs-rel-neighbour = A neighbour
rs-rel-stranger = A stranger
rs-rel-unknown = I do not know who it is

rs-describe-them = Tell us about the person doing it (optional)
rs-describe-them-hint = For example, their name, what they look like, where they live or work, their car, or their usernames online.
rs-describe-them-summary = About the person

rs-threats = { $who ->
    [other] Has the person threatened to hurt or kill them, or someone close to them?
   *[self] Has the person threatened to hurt or kill you, or someone close to you?
}
rs-threats-summary = Threats to hurt or kill

rs-afraid = { $who ->
    [other] Are they frightened of what the person might do?
   *[self] Are you frightened of what the person might do?
}
rs-afraid-summary = Frightened of what they might do

rs-weapons = Does the person have, or could they get, a weapon?
rs-weapons-hint = For example, a gun, a knife, or anything they have said they would use to hurt someone.
rs-weapons-summary = Access to weapons

rs-where = Where does it happen?
rs-where-summary = Where it happens
rs-where-online = Online only
rs-where-in-person = In person only
rs-where-both = Both online and in person

rs-what-happened = Tell us what has happened
rs-what-happened-hint = Include dates, times and places if you can, what the person did or said, and anyone who saw it. Start with what worries you most.
rs-what-happened-summary = What has happened

rs-evidence = What evidence do you have?
rs-evidence-hint = Select all that apply. Do not delete anything, even if it is upsetting: it may help us later.
rs-evidence-summary = Evidence
rs-evidence-messages = Messages, emails or call records
rs-evidence-screenshots = Screenshots of posts or profiles
rs-evidence-diary = A diary or notes of what happened
rs-evidence-photos = Photos or videos
rs-evidence-recordings = Voicemails or recordings
rs-evidence-gifts = Letters, gifts or items they left
rs-evidence-witnesses = People who saw or heard it
rs-evidence-none = I do not have any evidence

rs-your-name-or-anonymous = Do you want to give your name?
rs-your-name-or-anonymous-hint = If you stay anonymous we cannot contact you, tell you what happens next, or ask you more questions.
rs-your-name-or-anonymous-summary = Name or anonymous
rs-identity-named = Yes, give my name and contact details
rs-identity-anonymous = No, report anonymously

rs-name = What is your full name?
rs-name-summary = Your name

rs-date-of-birth = What is your date of birth?
rs-date-of-birth-hint = For example, 27 3 1990.
rs-date-of-birth-summary = Your date of birth

rs-address = What is your address?
rs-address-hint = We use this to find your report on our systems and to decide which officers can help you. We will not visit or write to you unless you ask us to.
rs-address-postcode = Postcode
rs-address-lines = Address (optional)
rs-address-lines-hint = House number, street and town.
rs-address-summary = Your address

rs-contact = How can we contact you safely?
rs-contact-hint = Choose a way that the person doing this cannot see or check.
rs-contact-summary = Safe contact
rs-contact-phone = By phone
rs-contact-email = By email
rs-contact-none = Do not contact me

rs-phone = What phone number should we use?
rs-phone-hint = For UK numbers include the area code. For international numbers include the country code.
rs-phone-summary = Phone number

rs-email = What email address should we use?
rs-email-hint = Only give an address that the person doing this cannot read.
rs-email-summary = Email address

rs-safe-times = When is it safe to contact you? (optional)
rs-safe-times-hint = For example, weekdays between 9am and 12pm.
rs-safe-times-summary = Safe times

rs-leave-message = Can we leave a voicemail or send a text that mentions the police?
rs-leave-message-summary = Voicemail or text allowed

rs-do-not-contact = Is there anyone we must not speak to about this? (optional)
rs-do-not-contact-hint = For example, someone who lives with you or who might answer your phone.
rs-do-not-contact-summary = Do not speak to

## Errors

rs-err-danger = Select yes if you or anyone else is in immediate danger
rs-err-who-for = Select who you are reporting for
rs-err-their-name-long = Their name must be 100 characters or fewer
rs-err-your-relationship = Select how you know them
rs-err-they-know = Select if they know you are telling us about this
rs-err-safe-to-contact-them = Select if it is safe for us to contact them
rs-err-how-to-contact-them = Select how we can contact them safely
rs-err-their-phone-missing = Enter their phone number
rs-err-their-email-missing = Enter their email address
rs-err-behaviours = Select what is happening
rs-err-behaviours-other-long = What else is happening must be 200 characters or fewer
rs-err-repeated = Select if it has happened more than once
rs-err-started-missing = Enter when it started
rs-err-started-real = When it started must be a real date
rs-err-started-future = When it started must be today or in the past
rs-err-started-incomplete = When it started must include a month and a year
rs-err-frequency = Select how often it happens now
rs-err-worse = Select if it is getting worse
rs-err-relationship = Select who is doing it
rs-err-description-long = What you tell us about the person must be 1,000 characters or fewer
rs-err-threats = Select if the person has threatened to hurt or kill anyone
rs-err-afraid = Select if there is fear of what the person might do
rs-err-weapons = Select if the person has or could get a weapon
rs-err-places = Select where it happens
rs-err-narrative-missing = Enter what has happened
rs-err-narrative-long = What has happened must be 5,000 characters or fewer
rs-err-evidence = Select what evidence you have, or select that you do not have any
rs-err-evidence-none = Select the evidence you have, or select that you do not have any, not both
rs-err-identity = Select if you want to give your name
rs-err-name-missing = Enter your full name
rs-err-name-long = Your full name must be 100 characters or fewer
rs-err-dob-missing = Enter your date of birth
rs-err-dob-real = Date of birth must be a real date
rs-err-dob-future = Date of birth must be in the past
rs-err-dob-incomplete = Date of birth must include a day, month and year
rs-err-postcode-missing = Enter your postcode
rs-err-postcode-real = Enter a real postcode, like SW1A 1AA
rs-err-address-long = Address must be 500 characters or fewer
rs-err-contact = Select how we can contact you safely
rs-err-phone-missing = Enter a phone number
rs-err-phone-format = Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192
rs-err-email-missing = Enter an email address
rs-err-email-format = Enter an email address in the correct format, like name@example.com
rs-err-safe-times-long = Safe times must be 200 characters or fewer
rs-err-leave-message = Select yes if we can leave a voicemail or send a text
rs-err-do-not-contact-long = Who we must not speak to must be 500 characters or fewer

## Check, send, confirmation

rs-check-title = Check your answers before sending your report
rs-check-send-heading = Now send your report
rs-check-declaration = { $who ->
    [other] By sending this report you confirm that, as far as you know, what you have told us is true.
   *[self] By sending this report you confirm that what you have told us is true, as far as you know.
}
rs-check-send = Send report

rs-not-sent-title = Your report has not been sent
rs-not-sent-what = Something went wrong on our side and we could not save your report. We have not received it.
rs-not-sent-kept = Your answers are still saved. Try again now, or within { $minutes } minutes.
rs-not-sent-retry = Try sending again
rs-not-sent-other-ways-html = If it keeps happening, call { -tel-101 } to report it.

rs-confirm-title = Report sent
rs-confirm-reference = Your reference number
rs-confirm-once = Write your reference number down now. For your safety, we show it only once: if you come back to this page, or someone else opens it on this device, it will not be shown again.
rs-confirm-keep = Keep this reference somewhere safe that the person doing this cannot see, or remember it. You can use it if you call us about this report. We will not send it to you.
rs-confirm-print = You can print this page with your browser's print option. Only do this if nobody who might see the printout is involved.
rs-confirm-print-button = Print this page
rs-confirm-next-heading = What happens next
rs-confirm-next-standard = A police officer or member of staff will read your report, usually within 2 working days.
rs-confirm-next-urgent = Because of what you told us about threats, fear or weapons, your report will be read before others, as soon as we can.
rs-confirm-next-named = We will only contact you in the way and at the times you chose.
rs-confirm-next-anonymous = You reported anonymously, so we cannot tell you what happens next. We will still use what you told us.
rs-confirm-support-heading = Getting support
rs-confirm-101-html = To add something to your report, call { -tel-101 } and give your reference number.
rs-confirm-advice-link = Read advice on what you can do now
rs-confirm-feedback-link = Tell us what you thought of this form
rs-confirm-feedback-time = (takes 30 seconds).

## After high-risk answers (an interruption card before the report goes on)

rs-safety-title = { $who ->
    [other] Before you go on: keeping them safe
   *[self] Before you go on: keeping safe
}
rs-safety-why = { $who ->
    [other] What you have told us suggests they could be at risk of serious harm.
   *[self] What you have told us suggests you could be at risk of serious harm.
}
rs-safety-call = If anyone is in danger now, call { $number }.
rs-safety-mobile-html = If you call { -num-999 } from a mobile and cannot speak, listen to the questions, cough or tap the phone if you can, and press { -tel-55 } when you are asked. This is the Silent Solution: it puts you through to the police.
rs-safety-landline-html = Pressing { -tel-55 } works only from a mobile. If you call from a landline and cannot speak, stay on the line and do what the operator asks.
rs-safety-relay = If you are deaf, hard of hearing or cannot speak, you can call { $number } with a textphone or the Relay UK app.
rs-safety-sms = If you have registered for the emergency SMS service, you can text { -num-999 }.
rs-safety-advice-heading = { $who ->
    [other] Things that can help keep them safe
   *[self] Things that can help keep you safe
}
rs-safety-advice-phone = { $who ->
    [other] Encourage them to keep a charged phone with them.
   *[self] Keep a charged phone with you.
}
rs-safety-advice-tell = { $who ->
    [other] Make sure someone they trust knows what is happening.
   *[self] Tell someone you trust what is happening and where you will be.
}
rs-safety-advice-plan = { $who ->
    [other] Think together about where they could go if they need to leave quickly.
   *[self] Think about where you could go if you need to leave quickly.
}
rs-safety-first = When you send this report, we will read it before reports without these risks.

## Staff: reasons for a report's priority that come from a report for someone else

staff-reason-not-safe-to-contact-victim = Not safe to contact the victim
staff-reason-victim-unaware-and-unreachable = The victim does not know about the report and cannot be contacted safely
staff-victim-title = The person it is happening to
