package dev.rehearse.run;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * RunRecord wraps the live progress: a listener method it does not pass on is one the terminal never hears of (the
 * readiness wait's line was lost that way).
 */
class RunRecordTest {

    @Test
    void everyListenerMethodIsPassedOn() throws NoSuchMethodException {
        List<String> notPassedOn = new ArrayList<>();
        for (Method method : RunListener.class.getDeclaredMethods()) {
            if (method.isSynthetic() || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Method own = RunRecord.class.getMethod(method.getName(), method.getParameterTypes());
            if (own.getDeclaringClass() != RunRecord.class) {
                notPassedOn.add(method.getName());
            }
        }
        assertEquals(List.of(), notPassedOn);
    }
}
