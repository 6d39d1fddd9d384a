// Cancel-latency model: many overlapping high-resolution booleans (a few
// seconds of geometry work), so a cancel can land anywhere in it.
for (i = [0:5]) translate([i * 40, 0, 0]) difference() {
  union() for (k = [0:7]) rotate(k * 45) translate([6, 0, 0]) sphere(10, $fn = 64);
  for (k = [0:7]) rotate(k * 45 + 22.5) translate([10, 0, 0]) cylinder(r = 3, h = 40, center = true, $fn = 48);
}
