package org.saferpartnerships.reporting.policeuk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The area of a street-level query: a one-mile circle round a point, or a polygon of
 * {@code lat,lng:lat,lng:…} that need not be closed. Its {@link Box} is what the database
 * prefilters on; {@link #contains} is the exact check on what the box let through.
 */
public sealed interface Area {

    /** The radius police.uk uses round a point. */
    double ONE_MILE_METRES = 1609.344;

    /** The mean radius of the Earth (IUGG), metres. */
    double EARTH_METRES = 6_371_008.8;

    /** More points than any boundary a client draws needs; the exact check is linear in them. */
    int MAX_VERTICES = 10_000;

    /** Decimal degrees as police.uk takes them: no exponents, hex or type suffixes that Java would read. */
    Pattern DEGREES = Pattern.compile("[-+]?\\d{1,3}(\\.\\d{1,15})?");

    /** A box of latitude and longitude, degrees. */
    record Box(double south, double west, double north, double east) {
    }

    Box box();

    boolean contains(double latitude, double longitude);

    /** A point in degrees. */
    record Point(double latitude, double longitude) {
        public Point {
            if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
                throw new IllegalArgumentException("a latitude must be within ±90 and a longitude within ±180");
            }
        }

        /**
         * @throws IllegalArgumentException unless both are decimal degrees, within ±90 and ±180
         */
        static Point parse(String latitude, String longitude) {
            String lat = latitude.trim();
            String lng = longitude.trim();
            if (!DEGREES.matcher(lat).matches() || !DEGREES.matcher(lng).matches()) {
                throw new IllegalArgumentException("lat and lng must be decimal degrees, such as 52.6369 and -1.1398");
            }
            return new Point(Double.parseDouble(lat), Double.parseDouble(lng));
        }
    }

    record Circle(Point centre, double radiusMetres) implements Area {

        @Override
        public Box box() {
            double dLat = Math.toDegrees(radiusMetres / EARTH_METRES);
            double cos = Math.max(Math.cos(Math.toRadians(centre.latitude())), 1e-6);
            double dLng = Math.min(180, dLat / cos);
            return new Box(centre.latitude() - dLat, centre.longitude() - dLng, centre.latitude() + dLat,
                    centre.longitude() + dLng);
        }

        @Override
        public boolean contains(double latitude, double longitude) {
            return metres(centre, new Point(latitude, longitude)) <= radiusMetres;
        }
    }

    /** Vertices in order; the last joins the first. */
    record Polygon(List<Point> vertices) implements Area {

        public Polygon {
            vertices = List.copyOf(vertices);
            if (vertices.size() < 3) {
                throw new IllegalArgumentException("a polygon needs at least three points");
            }
        }

        @Override
        public Box box() {
            double south = 90;
            double north = -90;
            double west = 180;
            double east = -180;
            for (Point p : vertices) {
                south = Math.min(south, p.latitude());
                north = Math.max(north, p.latitude());
                west = Math.min(west, p.longitude());
                east = Math.max(east, p.longitude());
            }
            return new Box(south, west, north, east);
        }

        /** Ray casting on the plane of latitude and longitude, as police.uk's polygons are drawn. */
        @Override
        public boolean contains(double latitude, double longitude) {
            boolean inside = false;
            for (int i = 0, j = vertices.size() - 1; i < vertices.size(); j = i++) {
                Point a = vertices.get(i);
                Point b = vertices.get(j);
                if ((a.latitude() > latitude) != (b.latitude() > latitude) && longitude < (b.longitude() - a.longitude())
                        * (latitude - a.latitude()) / (b.latitude() - a.latitude()) + a.longitude()) {
                    inside = !inside;
                }
            }
            return inside;
        }
    }

    static Circle oneMileRound(Point centre) {
        return new Circle(centre, ONE_MILE_METRES);
    }

    /**
     * {@code lat,lng:lat,lng:…} as police.uk takes it; a closing point equal to the first is dropped.
     *
     * @throws IllegalArgumentException when it is not a polygon of numbers
     */
    static Polygon parse(String poly) {
        List<Point> points = new ArrayList<>();
        String[] pairs = poly.split(":", -1);
        if (pairs.length > MAX_VERTICES) {
            throw new IllegalArgumentException("poly may have at most " + MAX_VERTICES + " points");
        }
        for (String pair : pairs) {
            String[] parts = pair.split(",", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("poly must be lat,lng pairs separated by colons");
            }
            try {
                points.add(Point.parse(parts[0], parts[1]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("poly must be lat,lng pairs of decimal degrees, within ±90 and ±180");
            }
        }
        if (points.size() > 1 && points.get(0).equals(points.get(points.size() - 1))) {
            points.remove(points.size() - 1);
        }
        return new Polygon(points);
    }

    /** Great-circle distance (haversine). */
    static double metres(Point a, Point b) {
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLng = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(a.latitude()))
                * Math.cos(Math.toRadians(b.latitude())) * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * EARTH_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
