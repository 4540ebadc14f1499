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
o311-description-police-only = For the police, not a council. A partner may send reports of this kind, but they are never listed in requests: only reasons a council can put right are shared.
o311-group-environmental = Environment
o311-group-behaviour = Behaviour

o311-attr-date = The day it happened (YYYY-MM-DD). Today if left out; never in the future.
o311-attr-time = The time of day it happened.
o311-attr-often = How often the person feels unsafe there.

o311-notice = Each request here is a weekly count, not a report: how many people told the police they felt unsafe in this area (a hexagon of about 0.1 km²) that week because of a problem a council can put right. Counts under { $k } are not shared, and every count is rounded to a multiple of { $k }. We never share what people wrote, answers about them, the exact place or the day, and reasons about how people behaved stay with the police.
o311-entry-description = { $count } reports in the week of { $week }
