// Stress: a plate with 200 round holes (20 x 10 grid), one difference.
difference() {
  cube([205, 105, 4]);
  for (i = [0:19], j = [0:9])
    translate([7.5 + i * 10, 7.5 + j * 10, -1]) cylinder(r = 3, h = 6, $fn = 24);
}
