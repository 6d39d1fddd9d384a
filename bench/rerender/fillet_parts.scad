// rerender: lid_fillet 2 3 2.5 3.5
// A box and its lid, both with rounded edges (minkowski with a sphere);
// only the lid's fillet radius changes.
lid_fillet = 2;
module rounded_box(size, r) {
  minkowski() {
    cube([size[0] - 2 * r, size[1] - 2 * r, size[2] - 2 * r], center = true);
    sphere(r, $fn = 16);
  }
}
difference() {
  rounded_box([60, 40, 30], 3);
  translate([0, 0, 3]) cube([54, 34, 30], center = true);
}
translate([80, 0, 0]) difference() {
  rounded_box([60, 40, 8], lid_fillet);
  translate([0, 0, -3]) cube([52, 32, 8], center = true);
}
