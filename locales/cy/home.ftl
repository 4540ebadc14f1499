# Hafan.

warning = Rhybudd
home-title = Stelcian, aflonyddu a mannau anniogel
home-lead = Cael cyngor am stelcian ac aflonyddu, rhoi gwybod i ni amdano, neu ddweud wrthym am fan cyhoeddus lle rydych chi wedi teimlo'n anniogel.
home-emergency-html = Os ydych chi mewn perygl nawr, ffoniwch { -tel-999 }. Os ydych chi'n fyddar neu'n ei chael hi'n anodd siarad, defnyddiwch gyfnewid testun ar { -tel-18000 }.
home-report-stalking-link = Rhoi gwybod am stelcian neu aflonyddu
home-report-stalking-text = Dywedwch wrthym beth sy'n digwydd i chi neu i rywun rydych chi'n ei adnabod. Does dim rhaid i chi roi eich enw.
home-unsafe-place-link = Dweud wrthym am fan lle roeddech chi'n teimlo'n anniogel
home-unsafe-place-text = Dangoswch stryd, parc neu fan cyhoeddus arall i ni lle roeddech chi'n teimlo'n anniogel, a dywedwch wrthym pam. Mae hyn yn ddienw.
home-advice-link = Cyngor am stelcian ac aflonyddu
home-advice-text = Beth yw stelcian ac aflonyddu, beth mae'r gyfraith yn ei ddweud, a ble i gael help.
home-safety-heading = Defnyddio'r wefan hon yn ddiogel
home-safety-text = Os gallai rhywun wirio eich ffôn neu eich cyfrifiadur, pwyswch Esc neu defnyddiwch y botwm Gadael y dudalen hon i adael yn gyflym.
home-safety-link = Darllen sut i guddio eich ôl ar-lein
home-after-link = Beth sy'n digwydd ar ôl i chi roi gwybod
home-place-reports-link = Beth rydyn ni'n ei wneud ag adroddiadau am fannau
home-support-link = Cymorth i chi
home-support-text = Sefydliadau sy'n gallu helpu, p'un a ydych chi'n dweud wrth yr heddlu neu beidio.
