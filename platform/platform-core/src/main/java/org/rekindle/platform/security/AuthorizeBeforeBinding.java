package org.rekindle.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization before validation, for every endpoint at once: an endpoint's {@code @PreAuthorize} is evaluated
 * before its body is read or any argument validated, with the path variables and query parameters it names, so a
 * caller who may not act on an id learns nothing from a 400 about the body. Method security still runs at the call
 * (this is an earlier, not a second, opinion). An expression that cannot be decided from the URL alone (it needs the
 * body) is left to method security. The expressions are evaluated by the same handler method security uses (the
 * application's own when it declares one), so both read {@code @beans}, roles and permissions alike.
 */
public class AuthorizeBeforeBinding implements HandlerInterceptor {

    private static final DefaultParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

    private final MethodSecurityExpressionHandler expressions;
    /** Each handler method's rule, parsed once: finding the annotation and parsing SpEL per request costs CPU. */
    private final Map<Method, Optional<Expression>> rules = new ConcurrentHashMap<>();

    public AuthorizeBeforeBinding(MethodSecurityExpressionHandler expressions) {
        this.expressions = expressions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Expression expression = rules.computeIfAbsent(method.getMethod(), this::ruleOf).orElse(null);
        if (expression == null) {
            return true;
        }
        Object[] arguments = fromTheUrl(method, request);
        if (arguments == null) {
            return true;
        }
        EvaluationContext context = expressions.createEvaluationContext(
                () -> SecurityContextHolder.getContext().getAuthentication(),
                new SimpleMethodInvocation(method.getBean(), method.getMethod(), arguments));
        boolean allowed;
        try {
            allowed = ExpressionUtils.evaluateAsBoolean(expression, context);
        } catch (RuntimeException undecidable) {
            return true;
        }
        if (!allowed) {
            throw new AccessDeniedException("Access Denied");
        }
        return true;
    }

    private Optional<Expression> ruleOf(Method handler) {
        return Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(handler, PreAuthorize.class))
                       .map(rule -> expressions.getExpressionParser().parseExpression(rule.value()));
    }

    /**
     * The handler's arguments as far as the URL gives them (path variables and query parameters of type String),
     * null for the rest; null altogether if the rule names an argument the URL does not give.
     */
    @SuppressWarnings("unchecked")
    private static Object[] fromTheUrl(HandlerMethod method, HttpServletRequest request) {
        Map<String, String> path = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        MethodParameter[] parameters = method.getMethodParameters();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            MethodParameter parameter = parameters[i];
            parameter.initParameterNameDiscovery(PARAMETER_NAMES);
            if (parameter.getParameterType() != String.class) {
                continue;
            }
            PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
            RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
            if (variable != null && path != null) {
                arguments[i] = path.get(named(variable.name(), variable.value(), parameter));
            } else if (query != null) {
                String value = request.getParameter(named(query.name(), query.value(), parameter));
                arguments[i] = value != null ? value : defaultOf(query);
            }
        }
        return arguments;
    }

    /** The name given in the annotation (as {@code name} or {@code value}, which alias), else the parameter's. */
    static String named(String name, String value, MethodParameter parameter) {
        String given = name.isEmpty() ? value : name;
        return given.isEmpty() ? parameter.getParameterName() : given;
    }

    private static String defaultOf(RequestParam query) {
        return org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE.equals(query.defaultValue())
               ? null : query.defaultValue();
    }
}
