# Text shared by every page: the layout, quick exit, cookie banner, errors and problem pages.

quick-exit-button = Leave this site
quick-exit-hint = or press Esc
quick-exit-skip = Leave this site now
skip-to-main = Skip to main content
# The language switcher's label for screen readers (the language names stay in their own language).
language-nav-label = Language
back = Back
continue = Continue

phase-beta = Beta
phase-text-before = This is a new service.
phase-feedback-link = Tell us what you think
phase-text-after = so we can improve it.

footer-links-heading = Support links
footer-covering-tracks = Covering your tracks online
footer-cookies = Cookies
footer-privacy = Privacy
footer-accessibility = Accessibility
footer-feedback = Feedback
footer-emergency-html = If you are in danger now, call { -tel-999 }. If you cannot speak, call { -tel-999 } and, on a mobile, press { -tel-55 } when asked. Text relay: { -tel-18000 }.

character-limit = You can enter up to { $max } characters
error-summary-title = There is a problem
error-prefix = Error:
# A question page's title when titles are neutral (the default): "Step 3 – <force>".
title-step = Step { $number }

# Keeping answers: the notice on question pages, the timeout warning (with JavaScript) and
# the Esc notice on the narrative page (shown only where there is a keyboard).
answers-kept = We keep your answers for { $minutes } minutes after you last continue. After that we delete them and you will need to start again.
timeout-heading = Do you need more time?
timeout-text = To keep your answers safe, we will delete them in { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
} unless you choose to continue.
timeout-continue = Continue
timeout-leave = Delete my answers and leave this site
timeout-failed = We could not keep your answers. Check your connection and try again.
esc-clears = If you press Esc while typing, you will leave this site at once and your answers will be deleted.

# Cookie banner
cookie-banner-label = Cookies on this service
cookie-banner-heading = Cookies on this service
cookie-banner-essential = We use a few cookies that the service needs to work and to keep your forms safe.
cookie-banner-additional = We would also like to count which pages people visit, without knowing who they are, so we can improve the service.
cookie-banner-accept = Accept additional cookies
cookie-banner-reject = Reject additional cookies
cookie-banner-view = View cookies
cookie-banner-accepted = You have accepted additional cookies.
cookie-banner-rejected = You have rejected additional cookies.
cookie-banner-change-before = You can
cookie-banner-change-link = change your cookie settings
cookie-banner-change-after = at any time.
cookie-banner-hide = Hide cookie message

# Cookies page
cookies-title = Cookies
cookies-intro = Cookies are small files saved on your phone, tablet or computer when you visit a website. Leaving this site with the Leave this site button or the Esc key deletes them.
cookies-essential-heading = Essential cookies
cookies-essential-intro = These cookies make the service work and keep it secure. You cannot turn them off.
cookies-essential-caption = Essential cookies we use
cookies-col-name = Name
cookies-col-purpose = Purpose
cookies-col-expires = Expires
cookies-session-purpose = Keeps forms you fill in safe from other websites and links your answers to your browser while you fill in a report
cookies-session-expires = When you close your browser or leave this site
cookies-consent-purpose = Remembers whether you accept additional cookies
cookies-consent-expires = When you close your browser or leave this site
cookies-language-purpose = Remembers the language you chose for this service (English or Welsh)
cookies-language-expires = When you close your browser or leave this site
cookies-usage-heading = Cookies that count page visits
cookies-usage-intro = If you say yes, we add one to a daily count for each page you visit. We do not record who you are, your address, your device or the time of your visit.
cookies-usage-no-cookie = Saying yes does not set any extra cookie: we only read your choice from the cookie above.
cookies-usage-legend = Do you want us to count your page visits?
cookies-usage-yes = Yes
cookies-usage-no = No
cookies-save = Save cookie settings
cookies-saved-title = Success
cookies-saved = You have set your cookie preferences.
cookies-error-choose = Select yes if you want us to count your page visits

# Feedback
feedback-title = Give feedback on this service
feedback-intro = Your answers help us improve the service. We will not reply to feedback.
feedback-not-for-reports-html = Do not use this form to report a crime or tell us about an emergency. If you are in danger, call { -tel-999 }.
feedback-satisfaction-legend = Overall, how did you feel about the service you used today?
feedback-very-satisfied = Very satisfied
feedback-satisfied = Satisfied
feedback-neither = Neither satisfied nor dissatisfied
feedback-dissatisfied = Dissatisfied
feedback-very-dissatisfied = Very dissatisfied
feedback-improve-label = How could we improve this service? (optional)
feedback-improve-hint = Do not include personal details such as your name, address or phone number.
feedback-send = Send feedback
feedback-error-satisfaction-missing = Select how you felt about the service
feedback-error-improve-too-long = How we could improve the service must be 1,200 characters or fewer
feedback-thanks-title = Thank you for your feedback
feedback-thanks-used = We read all feedback and use it to make the service better.
feedback-thanks-return = Return to the page you were on

# Problem pages
problem-contact-html = If you need to speak to us, call <a class="govuk-link" href="tel:{ $tel }">{ $phone }</a>. In an emergency, call { -tel-999 }.
not-found-heading = Page not found
not-found-typed = If you typed the web address, check it is correct.
not-found-pasted = If you pasted the web address, check you copied the entire address.
not-found-home-html = You can <a class="govuk-link" href="/">go to the start of this service</a>.
too-large-heading = Sorry, what you sent was too long
too-large-what = The form you sent had more in it than we can accept.
too-large-kept = It has not been sent. Your answers on earlier pages are still saved until you leave this site or stop for an hour.
too-large-next = Go back, shorten your answer and try again.
forbidden-heading = Sorry, your form could not be sent
forbidden-what = This can happen if the page was open for a long time, if you used the Back button after leaving this site, or if the form came from another website.
forbidden-kept = Nothing was sent. Answers you saved on earlier pages are kept until you leave this site or stop for an hour.
forbidden-next = Go back, reload the page and try again.
too-many-heading = Sorry, there have been too many attempts
too-many-what = A lot of forms have been sent from your internet connection in a short time, so we have paused it for a few minutes. Other people using the same connection may have caused this.
too-many-kept = Nothing was sent. Answers you saved on earlier pages are kept until you leave this site or stop for an hour.
too-many-next = Wait a few minutes, then go back and try again.
refused-title = Your answers have not been sent yet
refused-check = We could not accept the form as it was sent. Check your answers, then send them again.
refused-too-many = A lot of reports have been sent from your internet connection in a short time, so we have paused sending from it. You can send yours in { $minutes } minutes. Other people using the same connection may have caused this.
refused-kept = Nothing was sent. Your answers are kept until you leave this site or stop for an hour.
refused-check-link = Go back to your answers
send-homepage = Leave this field empty
send-checking = Sending, please wait…
bad-request-heading = Sorry, there is a problem with what was sent
bad-request-what = We could not understand the form that was sent.
bad-request-kept = Nothing was sent. Answers you saved on earlier pages are kept until you leave this site or stop for an hour.
bad-request-next = Go back and try again.
server-error-heading = Sorry, there is a problem with the service
server-error-try-later = Try again in a few minutes.
server-error-kept = If you were sending a form, it has not been sent. Answers you saved on earlier pages are kept until you leave this site or stop for an hour.
server-error-contact-html = You can also <a class="govuk-link" href="/advice/what-you-can-do">find other ways to report or get help</a>.

checkboxes-or = or
date-day = Day
date-month = Month
date-year = Year
answer-yes = Yes
answer-no = No
answer-unsure = I'm not sure
answer-not-given = Not given

# Multi-page forms
form-expired-title = Your answers have been deleted
form-expired-why = To keep you safe, we delete unsent answers when the form is not used for { $minutes } minutes.
form-expired-not-sent = Nothing was sent. You will need to start again.
form-expired-restart = Start again

