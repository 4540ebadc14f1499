# Tell us about a place where you felt unsafe. Anonymous: no name, contact or account.

up-title = Tell us about a place where you felt unsafe
up-prefer-not = Prefer not to say

## Start

up-start-lead = Tell us about a street, park, car park or other public place where you have felt unsafe, and why.
up-start-anonymous = This is anonymous. We do not ask for your name or how to contact you, and we do not keep your internet address.
up-start-use = We put what people tell us together to find places that need to be made safer, and share it with the council without anything that could identify you.
up-start-not-for = This is not for reporting a crime or an emergency.
up-start-999-html = If you are in danger now, call { -tel-999 }.
up-start-101-html = To report a crime, call { -tel-101 }.
up-start-stalking-link = Report stalking or harassment online
up-start-time = It takes about 3 minutes.
up-start-exit = To leave this site quickly, press Esc or the Leave this site button.

## Where

up-where = Where did you feel unsafe?
up-where-intro = Search for the street, place or postcode. If you cannot find it, describe where it is.
up-where-current = You told us:
up-where-search-label = Search for a street, place or postcode
up-where-search-hint = For example, Millbrook Park or NS1 2AB
up-where-search-button = Search
up-where-no-results = We could not find a place with that name. Try another search, or describe where it is.
up-where-choose = Choose the place
up-where-describe-summary = I cannot find the place
up-where-describe-label = Describe where it is
up-where-describe-hint = For example, the path behind the leisure centre, between the car park and the river. Do not include your own name, address or phone number.
up-where-summary = Where

## Why

up-the-place = What about the place made you feel unsafe?
up-the-place-hint = Select all that apply.
up-the-place-other-label = If you selected something else, tell us what (optional)
up-the-place-summary = About the place
up-reason-lighting = It was badly lit
up-reason-cctv = There was no CCTV
up-reason-isolated = It was empty or isolated, or the buildings were empty
up-reason-layout = The layout, such as hidden corners or alleys
up-reason-visibility = I could not see far, because of bushes, hedges or walls
up-reason-rundown = It was rundown, with derelict buildings, graffiti or dumped rubbish
up-reason-drugs-alcohol = There were signs of drug or alcohol use
up-reason-other = Something else about the place
up-reason-none-place = Nothing about the place itself

up-people = Did anyone make you feel unsafe?
up-people-hint = Select all that apply.
up-people-summary = What people did
up-reason-verbal-stranger = A stranger said something to me
up-reason-verbal-group = A group of people said things to me
up-reason-followed = I was followed
up-reason-other-harassment = Another kind of harassment
up-reason-none-people = No, nobody did

## When

up-when = When did you last feel unsafe there?
up-when-hint = For example, 27 3 2026
up-when-summary = Date

up-time-of-day = What time of day was it?
up-time-of-day-summary = Time of day
up-time-0 = Midnight to 3am
up-time-3 = 3am to 6am
up-time-6 = 6am to 9am
up-time-9 = 9am to midday
up-time-12 = Midday to 3pm
up-time-15 = 3pm to 6pm
up-time-18 = 6pm to 9pm
up-time-21 = 9pm to midnight

up-how-often = How often do you feel unsafe there?
up-how-often-summary = How often
up-often-once = This was the only time
up-often-sometimes = Sometimes
up-often-often = Often
up-often-always = Every time I go there

## Anything else

up-anything-else = Is there anything else you want to tell us about the place? (optional)
up-anything-else-hint = Do not include names, addresses, phone numbers or email addresses. We remove any we find.
up-anything-else-summary = Anything else

## About you (optional)

up-about-you = Would you like to answer some questions about yourself?
up-about-you-hint = This helps us understand who feels unsafe and where. It is optional and cannot be used to identify you.
up-about-you-summary = Questions about you

up-age = How old are you?
up-age-summary = Age
up-age-under-18 = Under 18
up-age-18-24 = 18 to 24
up-age-25-34 = 25 to 34
up-age-35-44 = 35 to 44
up-age-45-54 = 45 to 54
up-age-55-64 = 55 to 64
up-age-65-plus = 65 or over

up-sex = What is your sex?
up-sex-summary = Sex
up-sex-female = Female
up-sex-male = Male

up-gender = Is the gender you identify with the same as your sex registered at birth?
up-gender-summary = Gender the same as at birth

up-ethnicity = What is your ethnic group?
up-ethnicity-summary = Ethnic group
up-eth-asian = Asian or Asian British
up-eth-black = Black, Black British, Caribbean or African
up-eth-mixed = Mixed or multiple ethnic groups
up-eth-white = White
up-eth-other = Another ethnic group

up-disability = Do you have a disability?
up-disability-hint = A physical or mental health condition or illness that has lasted or is expected to last 12 months or more.
up-disability-summary = Disability

up-not-reported = If a crime happened, why did you not report it to the police?
up-not-reported-hint = Select all that apply.
up-not-reported-summary = Why it was not reported
up-nr-no-crime = No crime happened
up-nr-nothing-done = I did not think anything would be done
up-nr-afraid = I was afraid of what might happen
up-nr-not-sure-how = I did not know how to report it
up-nr-reported = I did report it
up-nr-other = Another reason

## Check, send, confirmation

up-check-title = Check your answers before sending
up-check-send-heading = Now send your answers
up-check-declaration = This is anonymous: we will not be able to contact you about it.
up-check-send = Send

up-not-sent-title = Your answers have not been sent
up-not-sent-what = Something went wrong on our side and we could not save your answers. They are still saved here, so you can try again now.

up-confirm-title = Thank you, your answers have been sent
up-confirm-next-heading = What happens next
up-confirm-next-map = We add what you told us to a map of places where people feel unsafe. Police and council staff use it to decide where to patrol and what to fix, such as street lights and overgrown paths.
up-confirm-next-council = Councils only get weekly totals for areas of about 0.1 square kilometres, and only where at least { $k } people gave a reason a council can fix, such as lighting. They never get your report, what you wrote, your answers about you, the exact place or reasons about how people behaved.
up-confirm-no-reply = Because this is anonymous, we cannot reply to you.
up-confirm-more-heading = If something else is happening
up-confirm-stalking-link = Report stalking or harassment online

## Errors

up-err-where = Search for the place, or describe where it is
up-err-search-empty = Enter a street, place or postcode to search for
up-err-outside = This place is not in the area we cover. Tell the police force for that area instead
up-err-description-long = Where it is must be 500 characters or fewer
up-err-place = Select what about the place made you feel unsafe, or select nothing about the place
up-err-place-other-long = What else about the place must be 200 characters or fewer
up-err-place-none = Select what about the place made you feel unsafe, or nothing about the place, not both
up-err-people = Select if anyone made you feel unsafe
up-err-people-none = Select what people did, or that nobody did, not both
up-err-no-reason = Select at least one reason you felt unsafe, about the place or about people
up-err-when-missing = Enter the date you last felt unsafe there
up-err-when-real = The date must be a real date
up-err-when-future = The date must be today or in the past
up-err-when-incomplete = The date must include a day, month and year
up-err-time = Select the time of day
up-err-often = Select how often you feel unsafe there
up-err-details-long = Anything else must be 500 characters or fewer
up-err-about-you = Select yes if you want to answer questions about yourself
up-err-age = Select your age, or prefer not to say
up-err-sex = Select your sex, or prefer not to say
up-err-gender = Select an answer, or prefer not to say
up-err-ethnicity = Select your ethnic group, or prefer not to say
up-err-disability = Select an answer, or prefer not to say
up-err-not-reported = Select why, or prefer not to say

## Map (with JavaScript)

up-where-map-heading = Choose the place on a map
up-where-map-hint = Click or tap the map to put a pin where you felt unsafe, or move the pin. With a keyboard, move the map with the arrow keys and press Enter to put the pin in the middle.
up-where-map-label = Map. Click, tap or press Enter to put the pin.
up-where-map-pin = Pin where you felt unsafe
up-where-map-zoom-in = Zoom in
up-where-map-zoom-out = Zoom out
up-where-locate = Use my current location
up-where-locate-error = We could not find your location. Choose the place on the map or search for it instead.
up-where-map-placed = Pin placed. Press Continue to use this place.
# A pin put on the map, named after the nearest place we know (never its coordinates).
up-where-near = Near { $place }
up-where-pin = The place you marked on the map
