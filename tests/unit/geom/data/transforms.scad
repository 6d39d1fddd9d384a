translate([1,2,3]) rotate([30,45,60]) scale([1,2,0.5]) mirror([1,1,0]) cube([1,2,3]);
