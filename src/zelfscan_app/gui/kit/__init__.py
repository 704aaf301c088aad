"""The meeting kit: routekaart checklist, Rad van Fortuin, programmes, begrippenkader, PDCA."""
