/*
 * Copyright 2025 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.netsuite.boot.changes;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the {@link NetSuiteChangeListener} methods of every bean, as Spring finds
 * {@code @Scheduled} or {@code @EventListener} methods, and checks their signatures.
 *
 * @author NetSuite Spring Boot team
 */
final class ChangeListenerMethods implements BeanPostProcessor {

	private final List<Listener> listeners = new ArrayList<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		Map<Method, NetSuiteChangeListener> annotated = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<NetSuiteChangeListener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, NetSuiteChangeListener.class));
		annotated.forEach((method, annotation) -> {
			if (method.getParameterCount() != 1 || method.getParameterTypes()[0] != NetSuiteChange.class) {
				throw new IllegalStateException("@NetSuiteChangeListener method " + beanName + "." + method.getName()
						+ " must take exactly one NetSuiteChange parameter");
			}
			if (annotation.type().isEmpty()) {
				throw new IllegalStateException("@NetSuiteChangeListener method " + beanName + "." + method.getName()
						+ " must name the record type to follow, e.g. @NetSuiteChangeListener(\"customer\")");
			}
			if (!ChangeQueries.isTableName(annotation.type())) {
				throw new IllegalStateException("@NetSuiteChangeListener method " + beanName + "." + method.getName()
						+ " names '" + annotation.type() + "', which is not a SuiteQL table name");
			}
			Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
			ReflectionUtils.makeAccessible(invocable);
			synchronized (this.listeners) {
				this.listeners.add(new Listener(annotation, beanName + "." + method.getName(), (change) -> {
					try {
						invocable.invoke(bean, change);
					}
					catch (InvocationTargetException ex) {
						Throwable cause = ex.getTargetException();
						if (cause instanceof Exception exception) {
							throw exception;
						}
						throw ex;
					}
				}));
			}
		});
		return bean;
	}

	List<Listener> listeners() {
		synchronized (this.listeners) {
			return List.copyOf(this.listeners);
		}
	}

	/**
	 * One listener method, ready to be called.
	 */
	record Listener(NetSuiteChangeListener annotation, String name, ChangeFeed.ChangeHandler handler) {
	}

}
