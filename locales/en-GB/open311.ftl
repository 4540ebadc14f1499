# Open311 GeoReport v2: the services (one per reason) and messages for partner systems.

o311-service-lighting = Poor street lighting
o311-service-cctv = No CCTV
o311-service-isolated = Empty or isolated place
o311-service-layout = Hidden corners, alleys or poor layout
o311-service-visibility = Restricted view from bushes, hedges or walls
o311-service-rundown = Derelict buildings, graffiti or fly-tipping
o311-service-drugs-alcohol = Signs of drug or alcohol use
o311-service-other = Something else about the place
o311-service-verbal-stranger = Verbal harassment by a stranger
o311-service-verbal-group = Verbal harassment by a group
o311-service-followed = Being followed
o311-service-other-harassment = Other harassment

o311-description-environmental = People told the police they felt unsafe here because of this. A council can put it right.
o311-description-behaviour = People told the police they felt unsafe here because of how others behaved. It is for the police, not a council.
o311-group-environmental = Environment
o311-group-behaviour = Behaviour

o311-attr-date = The day it happened (YYYY-MM-DD). Today if left out; never in the future.
o311-attr-time = The time of day it happened.
o311-attr-often = How often the person feels unsafe there.

o311-notice = Anonymous: no name, contact details or exact location are kept.
