# Testun a rennir gan bob tudalen: y cynllun, gadael yn gyflym, baner cwcis, gwallau a
# thudalennau problem. Rhaid i siaradwr Cymraeg adolygu'r testun hwn cyn mynd yn fyw
# (gweler GLOSSARY.md).

quick-exit-button = Gadael y dudalen hon
quick-exit-hint = neu pwyswch Esc
quick-exit-skip = Gadael y dudalen hon nawr
skip-to-main = Neidio i'r prif gynnwys
language-nav-label = Iaith
back = Yn ôl
continue = Parhau

phase-beta = Beta
phase-text-before = Mae hwn yn wasanaeth newydd.
phase-feedback-link = Dywedwch wrthym beth yw eich barn
phase-text-after = er mwyn i ni allu ei wella.

footer-links-heading = Dolenni cymorth
footer-covering-tracks = Cuddio eich ôl ar-lein
footer-cookies = Cwcis
footer-privacy = Preifatrwydd
footer-accessibility = Hygyrchedd
footer-feedback = Adborth
footer-emergency-html = Os ydych chi mewn perygl nawr, ffoniwch { -tel-999 }. Os na allwch chi siarad, ffoniwch { -tel-999 } ac, ar ffôn symudol, pwyswch { -tel-55 } pan ofynnir i chi. Cyfnewid testun: { -tel-18000 }.

character-limit = Gallwch chi roi hyd at { $max } nod
error-summary-title = Mae problem wedi codi
error-prefix = Gwall:
# Teitl tudalen gwestiwn pan fo teitlau'n niwtral: "Cam 3 – <heddlu>".
title-step = Cam { $number }

answers-kept = Rydyn ni'n cadw eich atebion am { $minutes } munud ar ôl i chi ddewis Parhau ddiwethaf. Ar ôl hynny rydyn ni'n eu dileu a bydd angen i chi ddechrau eto.
timeout-heading = Oes angen mwy o amser arnoch chi?
timeout-text = Er mwyn cadw eich atebion yn ddiogel, byddwn ni'n eu dileu { $minutes ->
    [one] ymhen 1 munud
   *[other] ymhen { $minutes } munud
} oni bai eich bod yn dewis parhau.
timeout-continue = Parhau
timeout-leave = Dileu fy atebion a gadael y dudalen hon
timeout-failed = Doedd dim modd i ni gadw eich atebion. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.
esc-clears = Os pwyswch chi Esc wrth deipio, byddwch chi'n gadael y wefan hon ar unwaith a bydd eich atebion yn cael eu dileu.

# Baner cwcis
cookie-banner-label = Cwcis ar y gwasanaeth hwn
cookie-banner-heading = Cwcis ar y gwasanaeth hwn
cookie-banner-essential = Rydyn ni'n defnyddio ychydig o gwcis sydd eu hangen ar y gwasanaeth i weithio ac i gadw eich ffurflenni'n ddiogel.
cookie-banner-additional = Hoffem hefyd gyfrif pa dudalennau y mae pobl yn ymweld â nhw, heb wybod pwy ydyn nhw, er mwyn i ni allu gwella'r gwasanaeth.
cookie-banner-accept = Derbyn cwcis ychwanegol
cookie-banner-reject = Gwrthod cwcis ychwanegol
cookie-banner-view = Gweld cwcis
cookie-banner-accepted = Rydych chi wedi derbyn cwcis ychwanegol.
cookie-banner-rejected = Rydych chi wedi gwrthod cwcis ychwanegol.
cookie-banner-change-before = Gallwch chi
cookie-banner-change-link = newid eich gosodiadau cwcis
cookie-banner-change-after = unrhyw bryd.
cookie-banner-hide = Cuddio'r neges am gwcis

# Tudalen cwcis
cookies-title = Cwcis
cookies-intro = Ffeiliau bach yw cwcis sy'n cael eu cadw ar eich ffôn, eich llechen neu eich cyfrifiadur pan fyddwch chi'n ymweld â gwefan. Mae gadael y wefan hon gyda'r botwm Gadael y dudalen hon neu'r fysell Esc yn eu dileu.
cookies-essential-heading = Cwcis hanfodol
cookies-essential-intro = Mae'r cwcis hyn yn gwneud i'r gwasanaeth weithio ac yn ei gadw'n ddiogel. Allwch chi ddim eu diffodd.
cookies-essential-caption = Cwcis hanfodol rydyn ni'n eu defnyddio
cookies-col-name = Enw
cookies-col-purpose = Diben
cookies-col-expires = Yn dod i ben
cookies-session-purpose = Yn cadw ffurflenni rydych chi'n eu llenwi'n ddiogel rhag gwefannau eraill ac yn cysylltu eich atebion â'ch porwr tra byddwch chi'n llenwi adroddiad
cookies-session-expires = Pan fyddwch chi'n cau eich porwr neu'n gadael y wefan hon
cookies-consent-purpose = Yn cofio a ydych chi'n derbyn cwcis ychwanegol
cookies-consent-expires = Pan fyddwch chi'n cau eich porwr neu'n gadael y wefan hon
cookies-language-purpose = Yn cofio'r iaith a ddewisoch chi ar gyfer y gwasanaeth hwn (Cymraeg neu Saesneg)
cookies-language-expires = Pan fyddwch chi'n cau eich porwr neu'n gadael y wefan hon
cookies-usage-heading = Cwcis sy'n cyfrif ymweliadau â thudalennau
cookies-usage-intro = Os dywedwch chi ie, rydyn ni'n ychwanegu un at gyfrif dyddiol ar gyfer pob tudalen rydych chi'n ymweld â hi. Dydyn ni ddim yn cofnodi pwy ydych chi, eich cyfeiriad, eich dyfais nac amser eich ymweliad.
cookies-usage-no-cookie = Dydy dweud ie ddim yn gosod unrhyw gwci ychwanegol: dim ond darllen eich dewis o'r cwci uchod rydyn ni'n ei wneud.
cookies-usage-legend = Ydych chi eisiau i ni gyfrif eich ymweliadau â thudalennau?
cookies-usage-yes = Ydw
cookies-usage-no = Nac ydw
cookies-save = Cadw gosodiadau cwcis
cookies-saved-title = Llwyddiant
cookies-saved = Rydych chi wedi gosod eich dewisiadau cwcis.
cookies-error-choose = Dewiswch ydw os ydych chi eisiau i ni gyfrif eich ymweliadau â thudalennau

# Adborth
feedback-title = Rhoi adborth am y gwasanaeth hwn
feedback-intro = Mae eich atebion yn ein helpu i wella'r gwasanaeth. Fyddwn ni ddim yn ateb adborth.
feedback-not-for-reports-html = Peidiwch â defnyddio'r ffurflen hon i roi gwybod am drosedd neu i ddweud wrthym am argyfwng. Os ydych chi mewn perygl, ffoniwch { -tel-999 }.
feedback-satisfaction-legend = At ei gilydd, sut oeddech chi'n teimlo am y gwasanaeth a ddefnyddioch chi heddiw?
feedback-very-satisfied = Bodlon iawn
feedback-satisfied = Bodlon
feedback-neither = Ddim yn fodlon nac yn anfodlon
feedback-dissatisfied = Anfodlon
feedback-very-dissatisfied = Anfodlon iawn
feedback-improve-label = Sut gallen ni wella'r gwasanaeth hwn? (dewisol)
feedback-improve-hint = Peidiwch â chynnwys manylion personol fel eich enw, eich cyfeiriad neu eich rhif ffôn.
feedback-send = Anfon adborth
feedback-error-satisfaction-missing = Dewiswch sut roeddech chi'n teimlo am y gwasanaeth
feedback-error-improve-too-long = Rhaid i'r ffordd y gallen ni wella'r gwasanaeth fod yn 1,200 nod neu lai
feedback-thanks-title = Diolch am eich adborth
feedback-thanks-used = Rydyn ni'n darllen pob adborth ac yn ei ddefnyddio i wella'r gwasanaeth.
feedback-thanks-return = Dychwelyd i'r dudalen roeddech chi arni

# Tudalennau problem
problem-contact-html = Os oes angen i chi siarad â ni, ffoniwch <a class="govuk-link" href="tel:{ $tel }">{ $phone }</a>. Mewn argyfwng, ffoniwch { -tel-999 }.
not-found-heading = Heb ddod o hyd i'r dudalen
not-found-typed = Os gwnaethoch chi deipio'r cyfeiriad gwe, gwiriwch ei fod yn gywir.
not-found-pasted = Os gwnaethoch chi ludo'r cyfeiriad gwe, gwiriwch eich bod wedi copïo'r cyfeiriad cyfan.
not-found-home-html = Gallwch chi <a class="govuk-link" href="/">fynd i ddechrau'r gwasanaeth hwn</a>.
too-large-heading = Mae'n ddrwg gennym, roedd yr hyn a anfonoch chi'n rhy hir
too-large-what = Roedd mwy yn y ffurflen a anfonoch chi nag y gallwn ni ei dderbyn.
too-large-kept = Dydy hi ddim wedi cael ei hanfon. Mae eich atebion ar dudalennau cynharach yn dal wedi'u cadw nes i chi adael y wefan hon neu stopio am awr.
too-large-next = Ewch yn ôl, gwnewch eich ateb yn fyrrach a rhowch gynnig arall arni.
forbidden-heading = Mae'n ddrwg gennym, doedd dim modd anfon eich ffurflen
forbidden-what = Gall hyn ddigwydd os oedd y dudalen ar agor am amser hir, os gwnaethoch chi ddefnyddio'r botwm Yn ôl ar ôl gadael y wefan hon, neu os daeth y ffurflen o wefan arall.
forbidden-kept = Chafodd dim byd ei anfon. Mae'r atebion a gadwoch chi ar dudalennau cynharach yn cael eu cadw nes i chi adael y wefan hon neu stopio am awr.
forbidden-next = Ewch yn ôl, ail-lwythwch y dudalen a rhowch gynnig arall arni.
too-many-heading = Mae'n ddrwg gennym, bu gormod o ymdrechion
too-many-what = Mae llawer o ffurflenni wedi cael eu hanfon o'ch cysylltiad rhyngrwyd mewn amser byr, felly rydyn ni wedi ei oedi am ychydig funudau. Efallai mai pobl eraill sy'n defnyddio'r un cysylltiad sydd wedi achosi hyn.
too-many-kept = Chafodd dim byd ei anfon. Mae'r atebion a gadwoch chi ar dudalennau cynharach yn cael eu cadw nes i chi adael y wefan hon neu stopio am awr.
too-many-next = Arhoswch ychydig funudau, yna ewch yn ôl a rhowch gynnig arall arni.
refused-title = Dydy eich atebion ddim wedi cael eu hanfon eto
refused-check = Doedd dim modd i ni dderbyn y ffurflen fel y cafodd ei hanfon. Gwiriwch eich atebion, yna anfonwch nhw eto.
refused-too-many = Mae llawer o adroddiadau wedi cael eu hanfon o'ch cysylltiad rhyngrwyd mewn amser byr, felly rydyn ni wedi oedi anfon ohono. Gallwch chi anfon eich un chi ymhen { $minutes } munud. Efallai mai pobl eraill sy'n defnyddio'r un cysylltiad sydd wedi achosi hyn.
refused-kept = Chafodd dim byd ei anfon. Mae eich atebion yn cael eu cadw nes i chi adael y wefan hon neu stopio am awr.
refused-check-link = Mynd yn ôl at eich atebion
send-homepage = Gadewch y maes hwn yn wag
send-checking = Wrthi'n anfon, arhoswch…
bad-request-heading = Mae'n ddrwg gennym, mae problem gyda'r hyn a anfonwyd
bad-request-what = Doedd dim modd i ni ddeall y ffurflen a anfonwyd.
bad-request-kept = Chafodd dim byd ei anfon. Mae'r atebion a gadwoch chi ar dudalennau cynharach yn cael eu cadw nes i chi adael y wefan hon neu stopio am awr.
bad-request-next = Ewch yn ôl a rhowch gynnig arall arni.
server-error-heading = Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth
server-error-try-later = Rhowch gynnig arall arni ymhen ychydig funudau.
server-error-kept = Os oeddech chi'n anfon ffurflen, dydy hi ddim wedi cael ei hanfon. Mae'r atebion a gadwoch chi ar dudalennau cynharach yn cael eu cadw nes i chi adael y wefan hon neu stopio am awr.
server-error-contact-html = Gallwch chi hefyd <a class="govuk-link" href="/advice/what-you-can-do">ddod o hyd i ffyrdd eraill o roi gwybod neu gael help</a>.

checkboxes-or = neu
date-day = Diwrnod
date-month = Mis
date-year = Blwyddyn
answer-yes = Ie
answer-no = Na
answer-unsure = Dydw i ddim yn siŵr
answer-not-given = Heb ei roi

# Ffurflenni aml-dudalen
form-expired-title = Mae eich atebion wedi cael eu dileu
form-expired-why = Er mwyn eich cadw'n ddiogel, rydyn ni'n dileu atebion sydd heb eu hanfon pan nad yw'r ffurflen wedi cael ei defnyddio am { $minutes } munud.
form-expired-not-sent = Chafodd dim byd ei anfon. Bydd angen i chi ddechrau eto.
form-expired-restart = Dechrau eto
