package org.saferpartnerships.reporting.policeuk;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AreaTest {

    private static final Area.Point LEICESTER = new Area.Point(52.6369, -1.1398);

    @Test
    void aMileRoundAPointHoldsWhatIsWithinAMileAndItsBoxHoldsTheCircle() {
        Area.Circle mile = Area.oneMileRound(LEICESTER);
        // 0.0144° of latitude is 1.60 km; 0.0146° is 1.62 km.
        assertThat(mile.contains(52.6369 + 0.0144, -1.1398), is(true));
        assertThat(mile.contains(52.6369 + 0.0146, -1.1398), is(false));
        // A degree of longitude is shorter here: 0.0237° east is 1.60 km.
        assertThat(mile.contains(52.6369, -1.1398 + 0.0237), is(true));
        assertThat(mile.contains(52.6369, -1.1398 + 0.0240), is(false));
        Area.Box box = mile.box();
        assertThat(box.north() - LEICESTER.latitude(), closeTo(0.01447, 0.00002));
        assertThat(box.east() - LEICESTER.longitude(), closeTo(0.02388, 0.00005));
    }

    @Test
    void aPolygonNeedNotBeClosedAndHoldsOnlyItsInside() {
        Area.Polygon triangle = Area.parse("51.54,0.56:51.60,0.64:51.54,0.64");
        assertThat(triangle.vertices().size(), is(3));
        assertThat(Area.parse("51.54,0.56:51.60,0.64:51.54,0.64:51.54,0.56"), is(triangle));
        assertThat(triangle.contains(51.556, 0.600), is(true));
        assertThat(triangle.contains(51.599, 0.560), is(false));
        assertThat(triangle.box(), is(new Area.Box(51.54, 0.56, 51.60, 0.64)));
        // Concave: the notch of a U is outside.
        Area.Polygon u = Area.parse("0,0:0,3:3,3:3,2:1,2:1,1:3,1:3,0");
        assertThat(u.contains(2, 1.5), is(false));
        assertThat(u.contains(2, 0.5), is(true));
        assertThat(u.contains(2, 2.5), is(true));
    }

    @Test
    void whatIsNotAPolygonOrAPointIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Area.parse("51.5,0.4:51.6,0.5"));
        assertThrows(IllegalArgumentException.class, () -> Area.parse("51.5,0.4:51.6:51.7,0.5"));
        assertThrows(IllegalArgumentException.class, () -> Area.parse("51.5,0.4:51.6,east:51.7,0.5"));
        assertThrows(IllegalArgumentException.class, () -> Area.parse("91,0.4:51.6,0.5:51.7,0.5"));
        assertThrows(IllegalArgumentException.class, () -> new Area.Point(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> Area.parse("1,1:".repeat(Area.MAX_VERTICES) + "1,2"));
    }
}
