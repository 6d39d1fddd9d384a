// The largest library of Debian's openscad-mcad (fonts.scad): its font table
// function evaluated and walked many times, and its 2D outline module.
use <MCAD/fonts.scad>
glyphs = [for (k = [0:300]) 8bit_polyfont(0.1 + k / 1000, 0.1)];
echo(len(glyphs), len(glyphs[0][2]));
// Point counts of every glyph outline of every variant.
sizes = [for (f = glyphs) for (g = f[2]) len(g[6]) > 0 ? len(g[6][0]) : 0];
echo(len(sizes), max(sizes));
font = glyphs[0];
for (c = [33:126]) translate([c * 10, 0])
  outline_2d(false, font[2][c][6][0], font[2][c][6][1]);
