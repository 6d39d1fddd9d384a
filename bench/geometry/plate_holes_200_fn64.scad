// Stress: the kernel bench's plate_holes_200 (bench/kernel_models.h) as a
// model: a 5 mm plate with 200 holes (r = 1.5, 64 sides) on a 5 mm grid,
// 20 x 10, one difference. Issue 7 compares it with openscad 2021.01 (228 s).
difference() {
  cube([100, 50, 5]);
  for (i = [0:19], j = [0:9])
    translate([2.5 + i * 5, 2.5 + j * 5, -1]) cylinder(r = 1.5, h = 7, $fn = 64);
}
