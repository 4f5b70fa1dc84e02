/* fuzz-geo.c: coordinates as people type them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any text either gives a position on the globe or is refused with a message; a position
 * written in degrees, minutes and seconds reads back to itself (to the half second the
 * writing rounds to), and the map's projection undoes itself.
 */
#include "config.h"

#include <math.h>

#include "dossier-geo.h"
#include "fuzz-util.h"

/* Half a second of arc, the rounding of dossier_geo_format_dms(), and a little for floats. */
#define DMS_TOLERANCE (0.5 / 3600 + 1e-9)

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *dms = NULL;
  g_autoptr(GError) error = NULL;
  double lat = NAN, lon = NAN, lat2 = NAN, lon2 = NAN, x, y;

  fuzz_init ();
  text = fuzz_text (data, size);

  if (!dossier_geo_parse (text, &lat, &lon, &error))
    {
      fuzz_check (error != NULL && error->domain == DOSSIER_GEO_ERROR);
      fuzz_check (g_utf8_validate (error->message, -1, NULL) && *error->message != '\0');
      return 0;
    }
  fuzz_check (error == NULL);
  fuzz_check (isfinite (lat) && isfinite (lon));
  fuzz_check (fabs (lat) <= 90 && fabs (lon) <= 180);

  dms = dossier_geo_format_dms (lat, lon);
  if (!dossier_geo_parse (dms, &lat2, &lon2, &error))
    g_error ("“%s” is written “%s”, which does not read back: %s", text, dms, error->message);
  if (fabs (lat2 - lat) > DMS_TOLERANCE || fabs (lon2 - lon) > DMS_TOLERANCE)
    g_error ("“%s” (%.9f, %.9f) is written “%s”, read back as %.9f, %.9f", text, lat, lon, dms, lat2, lon2);

  /* Web Mercator stops short of the poles: at ±90° it gives the map's edge, to a hair. */
  dossier_geo_project (lat, lon, &x, &y);
  fuzz_check (isfinite (x) && isfinite (y));
  fuzz_check (x >= 0 && x <= 1 && y >= -1e-9 && y <= 1 + 1e-9);
  if (fabs (lat) < 85)
    {
      dossier_geo_unproject (x, y, &lat2, &lon2);
      fuzz_check (fabs (lat2 - lat) < 1e-6 && fabs (lon2 - lon) < 1e-6);
    }
  return 0;
}
